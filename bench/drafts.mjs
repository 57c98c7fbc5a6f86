// Prepares N connection requests ready to submit (every step answered, both documents
// uploaded) in one eSpace, eight at a time; prints the session cookie, then each draft's
// review address, one per line. Usage: node bench/drafts.mjs <base URL> <N>
import { portal } from './session.mjs';

const [base, count] = [process.argv[2], Number(process.argv[3] ?? 100)];
const marie = portal(base);
await marie.signIn();
const business = await marie.business();
const drafts = [];
let next = 0;
async function worker() {
  while (next < count) {
    next += 1;
    const draft = await marie.draft(business);
    await marie.complete(draft);
    drafts.push(`${draft}/recapitulatif`);
  }
}
await Promise.all(Array.from({ length: 8 }, worker));
console.log(marie.cookie);
for (const draft of drafts) console.log(draft);
