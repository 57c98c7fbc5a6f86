// Signs in through the built-in provider, creates a business eSpace and a connection request
// draft with its first step saved; prints the session cookie and the draft's address for
// bench/wizard. Plain fetch with manual redirects, as a browser without JavaScript would.
const base = process.argv[2];
let cookie = '';
const remember = response => {
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(';')[0];
    if (pair.startsWith('alarmis_session=')) cookie = pair;
  }
};
async function go(url, init = {}) {
  const response = await fetch(new URL(url, base), {
    ...init,
    redirect: 'manual',
    headers: { ...(init.headers ?? {}), cookie },
  });
  remember(response);
  return response;
}
const form = pairs => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(pairs).toString(),
});
const login = await go('/auth/login?return_to=/espace');
const authorize = new URL(login.headers.get('location'));
await go(authorize);
const choice = new URLSearchParams(authorize.search);
choice.set('identity', 'dev-marie-schmit');
choice.set('means', 'luxtrust');
choice.set('action', 'sign-in');
const chosen = await fetch(new URL(authorize.pathname, authorize), { ...form(Object.fromEntries(choice)), redirect: 'manual' });
await go(chosen.headers.get('location'));
const business = await go('/espace/entreprises/nouvelle', form({
  company_name: 'Bijouterie Schmit', legal_form: 'sarl', rcs_number: 'B123456', street: 'Grand-Rue',
  house_number: '12', postcode: 'L-1660', locality: 'Luxembourg', email: 'contact@schmit.lu', phone: '+352 621 123 456',
}));
const businessPath = business.headers.get('location');
const started = await go(`${businessPath}/demandes`, form({}));
const first = started.headers.get('location');
const saved = await go(first, form({ capacity: 'Gérante', representative_phone: '+352 621 123 456' }));
if (saved.status !== 303) throw new Error(`saving the first step answered ${saved.status}`);
console.log(cookie);
console.log(first.replace(/\/demandeur$/, ''));
