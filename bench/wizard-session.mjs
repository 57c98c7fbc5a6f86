// Signs in through the built-in provider, creates a business eSpace and a connection request
// draft with its first step saved; prints the session cookie and the draft's address.
import { portal } from './session.mjs';

const marie = portal(process.argv[2]);
await marie.signIn();
const draft = await marie.draft(await marie.business());
console.log(marie.cookie);
console.log(draft);
