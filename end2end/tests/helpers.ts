import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';

export const usesJavaScript = (testInfo: TestInfo) => testInfo.project.use.javaScriptEnabled !== false;

/** Waits until every island of the page is awake (each marks its <leptos-island data-hydrated>);
 *  a page without islands has nothing to wake. An island whose WASM never arrives fails here. */
export async function waitForHydration(page: Page) {
  await expect(page.locator('leptos-island:not([data-hydrated])')).toHaveCount(0);
}

/** Waits for the island of this kind (`FormCheck`, `SessionWarning`) to be on the page and awake. */
export async function expectIslandAwake(page: Page, kind: string) {
  await expect(page.locator(`leptos-island[data-component*="${kind}"][data-hydrated]`)).toHaveCount(1);
}

/** Opens a page and, when JavaScript is on, waits for its islands so that events are handled. */
export async function open(page: Page, url: string, testInfo: TestInfo) {
  const response = await page.goto(url);
  if (usesJavaScript(testInfo)) {
    await waitForHydration(page);
  }
  return response;
}

/** The error summary at the top of a form (role alert, GOV.UK's title in French). */
export const errorSummary = (page: Page) => page.getByRole('alert').filter({ hasText: 'Il y a un problème' });

/** Types into a field and leaves it backwards: forwards is the submit button, which defers the
 *  inline check to the submit itself. */
export async function typeAndLeave(page: Page, label: string, value: string) {
  const field = page.getByLabel(label);
  await field.fill(value);
  await field.press('Shift+Tab');
}

/** The second portal, which signs in with the independent oidc-provider (playwright.config.ts). */
export const interopURL = `http://127.0.0.1:${Number(process.env.E2E_INTEROP_PORT ?? 3102)}`;

/** Signs in through the built-in development provider, from the header's link. */
export async function signIn(page: Page, testInfo: TestInfo, who = 'Marie Schmit', means = 'LuxTrust') {
  await open(page, '/', testInfo);
  await page.getByRole('link', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { name: 'Se connecter / Sign in' })).toBeVisible();
  await page.getByLabel(means, { exact: false }).check();
  await page.getByLabel(who).check();
  await page.getByRole('button', { name: 'Se connecter / Sign in' }).click();
  await expect(page).toHaveURL(/\/espace$/);
  if (usesJavaScript(testInfo)) {
    await waitForHydration(page);
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Votre eSpace privé' })).toBeVisible();
}

/** Creates a business eSpace through its form and ends on its page. */
export async function createBusiness(page: Page, testInfo: TestInfo, company = 'Bijouterie Schmit') {
  await open(page, '/espace/entreprises/nouvelle', testInfo);
  const fields: Record<string, string> = {
    "Dénomination de l'entreprise": company,
    'Numéro RCS': 'B123456',
    Rue: 'Grand-Rue',
    Numéro: '12A',
    'Code postal': '1660',
    Localité: 'Luxembourg',
    'Adresse e-mail de contact': 'contact@schmit.lu',
    'Numéro de téléphone de contact': '+352 621 123 456',
  };
  for (const [label, value] of Object.entries(fields)) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  await page.getByLabel('Forme juridique').selectOption({ label: 'Société à responsabilité limitée (SARL)' });
  await page.getByRole('button', { name: "Créer l'eSpace professionnel" }).click();
  await expect(page.getByRole('heading', { level: 1, name: company })).toBeVisible();
  if (usesJavaScript(testInfo)) await waitForHydration(page);
}

/** axe-core's WCAG 2.1 A and AA rules find nothing on the page (axe runs inside the page, so
 *  this needs JavaScript; the markup it checks is the server's, which hydration keeps). */
export async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = results.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
  expect(found, 'axe-core WCAG 2.1 A/AA violations').toEqual([]);
}

/** The text of a PDF, as pdf.js (Firefox's reader) extracts it. */
export async function pdfText(file: string) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const standardFontDataUrl = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts/');
  const document = await pdfjs.getDocument({ data: new Uint8Array(await readFile(file)), standardFontDataUrl }).promise;
  let text = '';
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    text += content.items.map(item => ('str' in item ? item.str : '')).join('\n');
  }
  return text;
}

/** The mails the test SMTP server received whose text holds `marker`, bodies decoded from
 *  quoted-printable (which cuts long lines such as links). */
export async function mailsHolding(marker: string) {
  const dataDir = process.env.E2E_DATA_DIR ?? path.join(__dirname, '../.cache/data');
  const folder = path.join(dataDir, 'mail', 'new');
  const names = await readdir(folder).catch(() => [] as string[]);
  const mails = await Promise.all(names.map(name => readFile(path.join(folder, name))));
  return mails
    .map(raw => {
      const soft = raw.toString('latin1').replace(/=\r?\n/g, '');
      const bytes = soft.replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    })
    .filter(text => text.includes(marker));
}
