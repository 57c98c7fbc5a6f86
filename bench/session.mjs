// A person's way through the portal as a browser without JavaScript takes it: plain fetch with
// manual redirects and the session cookie. Shared by the benchmark scripts that need a
// signed-in person, an eSpace and drafts.
export function portal(base) {
  let cookie = '';
  const remember = (response) => {
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
  const form = (pairs) => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(pairs).toString(),
  });
  /** Posts a step's answers; a save answers 303 to the next step. */
  async function save(path, pairs) {
    const response = await go(path, form(pairs));
    if (response.status !== 303) throw new Error(`${path} answered ${response.status}`);
    await response.arrayBuffer();
    return response.headers.get('location');
  }
  return {
    get cookie() { return cookie; },
    go,
    save,
    /** Signs Marie in through the built-in provider. */
    async signIn(identity = 'dev-marie-schmit') {
      const login = await go('/auth/login?return_to=/espace');
      const authorize = new URL(login.headers.get('location'));
      await go(authorize);
      const choice = new URLSearchParams(authorize.search);
      choice.set('identity', identity);
      choice.set('means', 'luxtrust');
      choice.set('action', 'sign-in');
      const chosen = await fetch(new URL(authorize.pathname, authorize), { ...form(Object.fromEntries(choice)), redirect: 'manual' });
      await go(chosen.headers.get('location'));
    },
    /** A new business eSpace; its address. */
    async business(company = 'Bijouterie Schmit') {
      return save('/espace/entreprises/nouvelle', {
        company_name: company, legal_form: 'sarl', rcs_number: 'B123456', street: 'Grand-Rue',
        house_number: '12', postcode: 'L-1660', locality: 'Luxembourg', email: 'contact@schmit.lu', phone: '+352 621 123 456',
      });
    },
    /** A new connection request draft in `business` with its first step saved; its address. */
    async draft(business) {
      const first = await save(`${business}/demandes`, {});
      await save(first, APPLICANT);
      return first.replace(/\/demandeur$/, '');
    },
    /** Every step of `draft` answered and both documents uploaded: ready to submit. */
    async complete(draft) {
      for (const [slug, answers] of Object.entries(STEPS)) await save(`${draft}/${slug}`, answers);
      for (const [kind, name, type, bytes] of DOCUMENTS) {
        const body = new FormData();
        body.set('kind', kind);
        body.set('file', new Blob([bytes], { type }), name);
        const response = await go(`${draft}/documents`, { method: 'POST', body });
        if (response.status !== 303) throw new Error(`uploading ${name} answered ${response.status}`);
        await response.arrayBuffer();
      }
      await save(`${draft}/documents`, {});
      await save(`${draft}/obligations`, OBLIGATIONS);
    },
  };
}

export const APPLICANT = { capacity: 'Gérante', representative_phone: '+352 621 123 456' };
const STEPS = {
  site: {
    site_street: 'Grand-Rue', site_house_number: '12A', site_postcode: '1660', site_locality: 'Luxembourg',
    premises: 'jeweller', owner_name: 'Immobilière du Centre SA', owner_domicile: '3, rue du Fort, L-2419 Luxembourg',
  },
  systeme: {
    alarm_passive: 'on', installer_company: 'Sécurité Moselle SARL', installer_trade: 'alarm-installer',
    installer_authorisation: '10012345/1', certificate_date: '2026-10-01', post_request: 'yes', post_reference: 'POST-ALM-4471',
  },
  contacts: {
    contact1_family_name: 'Schmit', contact1_given_name: 'Anne', contact1_domicile: '5, rue Large, L-1917 Luxembourg',
    contact1_phone: '+352 691 000 111', contact1_consent: 'on',
    contact2_family_name: 'Weber', contact2_given_name: 'Paul', contact2_domicile: "8, route d'Arlon, L-8009 Strassen",
    contact2_phone: '+352 691 000 222', contact2_consent: 'on',
  },
  motivation: { motivation: "Bijouterie exposée, deux tentatives d'effraction." },
};
const OBLIGATIONS = {
  obligation_maintenance: 'on', obligation_log: 'on', obligation_test: 'on', obligation_changes: 'on', obligation_false_alerts: 'on',
};
const PDF = new TextEncoder().encode('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde]);
const DOCUMENTS = [
  ['building-plan', 'plan.pdf', 'application/pdf', PDF],
  ['conformity-certificate', 'certificat.png', 'image/png', PNG],
];
