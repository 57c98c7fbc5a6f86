import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { agentPage, click, openCase } from './agent';
import { createBusiness, waitForHydration, usesJavaScript } from './helpers';
import { PDF, PNG, expectStep, fillApplicant, fillContact, fillSite, fillSystem, next, submitConnection, upload } from './wizard-steps';

// What each kind of page makes the browser fetch of JavaScript and WASM, brotli-compressed as
// the portal serves it (scripts/build-site precompresses with the same settings): nothing at
// all where nothing acts before the server answers (no island: the page has no script), and
// at most the islands' budget elsewhere. Sizes are deterministic: the same build gives the same
// bytes, so these are exact ceilings, not timings. bench/bundle-size prints the same walk's
// figures.
const KB = 1000;
const NOTHING = 0;
// A page with islands fetches the islands' one bundle (the form check with every form's rules,
// and the session warning): at most 80 kB (issue 22; 72.8 kB on 2026-12-07, docs/measured.md).
const ISLANDS = 80 * KB;

type Row = { kind: string; ceiling: number; bytes: number; files: string[] };
const rows: Row[] = [];

/** Records the scripts and WASM a page fetches (with the browser cache off, as on a first visit). */
class Weigher {
  private fetched = new Set<string>();

  static async start(page: Page) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const weigher = new Weigher(page);
    // Only what the page now shown fetched: a new document starts a new count.
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) weigher.fetched.clear();
    });
    page.on('request', (request) => {
      if (request.resourceType() === 'script' || /\.(m?js|wasm)(\?|$)/.test(request.url())) {
        weigher.fetched.add(request.url());
      }
    });
    return weigher;
  }

  private constructor(private page: Page) {}

  /** Opens `url` and weighs it. */
  async visit(kind: string, url: string, ceiling: number) {
    await this.page.goto(url);
    await this.weigh(kind, ceiling);
  }

  /** Weighs the page now shown, once its islands are awake (their WASM has arrived by then). */
  async weigh(kind: string, ceiling: number) {
    await this.page.waitForLoadState('load');
    await waitForHydration(this.page);
    if (ceiling === NOTHING) {
      // Not even the inline island script: the page is HTML and CSS.
      await expect(this.page.locator('script'), `${kind}: a script`).toHaveCount(0);
      await expect(this.page.locator('leptos-island'), `${kind}: an island`).toHaveCount(0);
    }
    const files = [...this.fetched].sort();
    this.fetched.clear();
    let bytes = 0;
    for (const file of files) {
      const body = Buffer.from(await (await this.page.request.get(file, { headers: { 'Accept-Encoding': 'identity' } })).body());
      bytes += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    }
    rows.push({ kind, ceiling, bytes, files: files.map((f) => new URL(f).pathname) });
    expect.soft(bytes, `${kind}: ${files.join(', ') || 'nothing'}`).toBeLessThanOrEqual(ceiling);
  }
}

function report(testInfo: TestInfo) {
  const file = process.env.E2E_WEIGHT_REPORT ?? path.join(testInfo.project.outputDir, 'weight.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(rows, null, 2));
}

test('each kind of page fetches at most its ceiling of WASM and JavaScript, and none where nothing acts', async ({ page, browser }, testInfo) => {
  test.skip(!usesJavaScript(testInfo), 'without JavaScript nothing is fetched');
  test.setTimeout(240_000);
  const applicant = await Weigher.start(page);
  await applicant.visit('home', '/', NOTHING);
  await applicant.visit('accessibility statement', '/accessibilite', NOTHING);
  await applicant.visit('privacy notice', '/protection-des-donnees', NOTHING);
  await page.getByRole('link', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { name: 'Se connecter / Sign in' })).toBeVisible();
  await applicant.weigh('sign-in choice', NOTHING);
  await page.getByLabel('LuxTrust', { exact: false }).check();
  await page.getByLabel('Marie Schmit').check();
  await page.getByRole('button', { name: 'Se connecter / Sign in' }).click();
  // Back where the person signed in from: the privacy notice, now signed in.
  await expect(page).toHaveURL(/\/protection-des-donnees$/);
  await applicant.weigh('privacy notice, signed in', NOTHING);
  await applicant.visit('private eSpace', '/espace', NOTHING);

  await applicant.visit('new business eSpace', '/espace/entreprises/nouvelle', ISLANDS);
  const company = `Balance ${testInfo.project.name}`;
  await createBusiness(page, testInfo, company);
  await applicant.weigh('business eSpace', ISLANDS);
  const businessId = page.url().match(/entreprises\/([^/?#]+)/)?.[1] ?? '';

  // The connection request, step by step.
  await page.getByRole('button', { name: 'Commencer une demande de raccordement' }).click();
  await expectStep(page, 'Demandeur');
  await applicant.weigh('connection step: applicant', ISLANDS);
  await fillApplicant(page);
  await next(page, testInfo);
  await expectStep(page, 'Site protégé et propriétaire');
  await applicant.weigh('connection step: site', ISLANDS);
  await fillSite(page);
  await next(page, testInfo);
  await applicant.weigh('connection step: system', ISLANDS);
  await fillSystem(page);
  await next(page, testInfo);
  await applicant.weigh('connection step: contacts', ISLANDS);
  await fillContact(page, 1, 'Schmit', 'Anne');
  await fillContact(page, 2, 'Weber', 'Paul');
  await next(page, testInfo);
  await applicant.weigh('connection step: motivation', ISLANDS);
  await page.getByLabel('Pourquoi cette alarme doit-elle être raccordée à la Police ?').fill('Bijouterie exposée.');
  await next(page, testInfo);
  await applicant.weigh('connection step: documents', ISLANDS);
  await upload(page, testInfo, 'Plan du bâtiment (obligatoire)', 'plan.pdf', PDF);
  await upload(page, testInfo, 'Certificat de conformité (obligatoire)', 'certificat.png', PNG, 'image/png');
  await applicant.weigh('connection step: documents, two files', ISLANDS);
  await next(page, testInfo);
  await applicant.weigh('connection step: obligations', ISLANDS);
  for (const obligation of [/entretenu chaque année/, /livret d'exploitation/, /inspecter sur place/, /test de transmission/, /tout changement/, /personnel est formé/, /fausses alertes/]) {
    await page.getByLabel(obligation).check();
  }
  await next(page, testInfo);
  await applicant.weigh('connection review', NOTHING);
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Demande envoyée' })).toBeVisible();
  await applicant.weigh('submitted request', NOTHING);
  const reference = (await page.getByTestId('reference').textContent())?.trim() ?? '';
  const requestUrl = page.url();
  await applicant.visit('inbox', `/espace/entreprises/${businessId}/messages`, NOTHING);

  // The certification procedure's first step, from the business eSpace.
  await page.goto(`/espace/entreprises/${businessId}`);
  await applicant.weigh('business eSpace with a request', ISLANDS);
  await page.getByRole('button', { name: 'Demander la certification' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await applicant.weigh('certification step: first', ISLANDS);

  // The Police's side: the queue, a case; a question makes the applicant's request answerable.
  const agent = await agentPage(browser, testInfo);
  const police = await Weigher.start(agent);
  await police.visit('agent queue', '/agent', NOTHING);
  await openCase(agent, testInfo, reference, company);
  await police.weigh('agent case', ISLANDS);
  await click(agent, testInfo, 'Prendre en charge');
  await agent.getByLabel('Votre question au demandeur').fill('Merci d’ajouter le plan du premier étage.');
  await click(agent, testInfo, 'Envoyer la question');
  await applicant.visit('request with an open question', requestUrl, ISLANDS);
  await police.visit('agent sites', '/agent/sites', NOTHING);

  // After the connection: a second request, approved at once, gives a connected site.
  const siteCompany = `Pendule ${testInfo.project.name}`;
  const siteReference = await submitConnection(page, testInfo, siteCompany);
  const siteBusinessId = page.url().match(/entreprises\/([^/]+)\//)?.[1] ?? '';
  await openCase(agent, testInfo, siteReference, siteCompany);
  await click(agent, testInfo, 'Prendre en charge');
  await click(agent, testInfo, 'Approuver');
  await expect(agent.getByTestId('status')).toHaveText('Approuvée');
  await page.goto(`/espace/entreprises/${siteBusinessId}`);
  await page.getByTestId('site-link').click();
  await expect(page.getByRole('heading', { level: 1, name: /Site ALARMIS/ })).toBeVisible();
  await applicant.weigh('connected site', ISLANDS);
  await page.getByRole('link', { name: "L'installateur" }).click();
  await expect(page.getByRole('heading', { level: 1, name: "L'installateur" })).toBeVisible();
  await applicant.weigh('change report', ISLANDS);
  await agent.context().close();
  report(testInfo);
});
