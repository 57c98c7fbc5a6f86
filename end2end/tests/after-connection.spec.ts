import { expect, test } from '@playwright/test';
import { agentPage, click, openCase } from './agent';
import { errorSummary, expectNoViolations, open, signIn, usesJavaScript, waitForHydration } from './helpers';
import { PDF, submitConnection } from './wizard-steps';

test('a change report waits for the Police, the agent accepts it, the site changes and the inbox says so', async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
  const company = `Horlogerie Klein ${testInfo.project.name}`;
  await signIn(page, testInfo);
  const reference = await submitConnection(page, testInfo, company);
  const businessId = page.url().match(/entreprises\/([^/]+)\//)?.[1] ?? '';
  expect(businessId).not.toBe('');

  // The agent approves the request: the site is connected.
  const agent = await agentPage(browser, testInfo);
  await openCase(agent, testInfo, reference, company);
  await click(agent, testInfo, 'Prendre en charge');
  await click(agent, testInfo, 'Approuver');
  await expect(agent.getByTestId('status')).toHaveText('Approuvée');

  // The eSpace lists the site; its page shows what the Police knows.
  await open(page, `/espace/entreprises/${businessId}`, testInfo);
  await page.getByTestId('site-link').click();
  await expect(page.getByRole('heading', { level: 1, name: /Site raccordé AL-7\d{5}/ })).toBeVisible();
  const clientNumber = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').match(/AL-7\d{5}/)?.[0] ?? '';
  await expect(page.getByTestId('site-details')).toContainText('Sécurité Moselle SARL');
  if (usesJavaScript(testInfo)) {
    await waitForHydration(page);
    await expectNoViolations(page);
  }

  // The installer changed: the form comes filled in; nothing changed is explained.
  await page.getByRole('link', { name: "L'installateur" }).click();
  await expect(page.getByRole('heading', { level: 1, name: "L'installateur" })).toBeVisible();
  if (usesJavaScript(testInfo)) await waitForHydration(page);
  await expect(page.getByLabel("Nom de l'entreprise d'installation")).toHaveValue('Sécurité Moselle SARL');
  await page.getByRole('button', { name: 'Envoyer à la Police' }).click();
  await expect(errorSummary(page)).toContainText('Modifiez au moins une information avant d\'envoyer');
  await expect(page).toHaveTitle(/^Erreur : /);
  if (usesJavaScript(testInfo)) await expectNoViolations(page);
  await page.getByLabel("Nom de l'entreprise d'installation").fill('Alarmes du Sud SARL');
  await page.getByLabel("Numéro de l'autorisation d'établissement").fill('10099999');
  await page.getByRole('button', { name: 'Envoyer à la Police' }).click();
  await expect(page.getByTestId('change-sent')).toBeVisible();
  // Nothing changes before the Police accepts it.
  await expect(page.getByTestId('site-details')).toContainText('Sécurité Moselle SARL');
  await expect(page.getByTestId('change-status')).toHaveText('En attente');

  // The agent finds the site waiting, compares and accepts.
  await open(agent, '/agent', testInfo);
  await agent.getByTestId('agent-sites-link').click();
  const row = agent.getByTestId('site-row').filter({ hasText: clientNumber });
  await expect(row).toContainText('1 changement');
  await row.getByRole('link', { name: clientNumber }).click();
  if (usesJavaScript(testInfo)) await waitForHydration(agent);
  const report = agent.getByTestId('pending-change');
  await expect(report).toContainText('Sécurité Moselle SARL');
  await expect(report).toContainText('Alarmes du Sud SARL');
  if (usesJavaScript(testInfo)) await expectNoViolations(agent);
  await click(agent, testInfo, 'Accepter le changement');
  await expect(agent.getByTestId('pending-change')).toHaveCount(0);
  await expect(agent.getByTestId('site-details')).toContainText('Alarmes du Sud SARL');

  // The applicant is told, and the site shows the new installer.
  await open(page, `/espace/entreprises/${businessId}`, testInfo);
  await expect(page.getByTestId('inbox-link')).toContainText('non lu');
  await page.getByTestId('inbox-link').click();
  await page.getByRole('link', { name: 'Votre changement a été accepté' }).click();
  await expect(page.getByTestId('site-details')).toContainText('Alarmes du Sud SARL');
  await expect(page.getByTestId('site-details')).not.toContainText('Sécurité Moselle SARL');
  await expect(page.getByTestId('change-status')).toHaveText('Accepté');
});

test('the yearly maintenance is recorded with its certificate, and reminders come when the clock moves forward', async ({ page, browser, baseURL }, testInfo) => {
  // The test clock is the whole portal's: one project moves it, so the two cannot cross.
  test.skip(!usesJavaScript(testInfo), 'the clock is shared: run once, in the JavaScript project');
  test.setTimeout(150_000);
  const company = `Galerie Reuter ${testInfo.project.name}`;
  await signIn(page, testInfo);
  const reference = await submitConnection(page, testInfo, company);
  const businessId = page.url().match(/entreprises\/([^/]+)\//)?.[1] ?? '';
  const agent = await agentPage(browser, testInfo);
  await openCase(agent, testInfo, reference, company);
  await click(agent, testInfo, 'Prendre en charge');
  await click(agent, testInfo, 'Approuver');

  await open(page, `/espace/entreprises/${businessId}`, testInfo);
  await page.getByTestId('site-link').click();
  await waitForHydration(page);
  const clientNumber = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').match(/AL-7\d{5}/)?.[0] ?? '';
  await expect(page.getByTestId('due-maintenance')).toContainText('À faire au plus tard le');
  await expect(page.getByTestId('due-maintenance')).not.toContainText('En retard');

  // A record without its certificate is explained, then recorded with it.
  const clock = async (days: number) => {
    const response = await page.request.post('/dev/horloge', { form: { days: String(days) }, headers: { Origin: baseURL ?? '' } });
    expect(response.status()).toBe(200);
    return (await response.text()).trim();
  };
  const today = await clock(0);
  await page.getByLabel('Entretien annuel').check();
  await page.getByLabel('Date', { exact: true }).fill(today);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(errorSummary(page)).toContainText('Joignez le certificat ou le rapport');
  await page.getByLabel('Entretien annuel').check();
  await page.getByLabel('Date', { exact: true }).fill(today);
  await page.getByLabel('Certificat ou rapport').setInputFiles({ name: 'entretien-2026.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('check-record')).toContainText('entretien-2026.pdf');
  await waitForHydration(page);
  await expectNoViolations(page);

  // 340 days on: the reminders of both (30 days before their due date) are in the inbox.
  await clock(340);
  await open(page, `/espace/entreprises/${businessId}`, testInfo);
  await expect(page.getByTestId('inbox-link')).toContainText('non lu');
  await page.getByTestId('inbox-link').click();
  const inbox = page.getByTestId('inbox');
  await expect(inbox).toContainText(`L'entretien annuel de votre système est à faire avant le`);
  await expect(inbox).toContainText('Le test de transmission annuel est à faire avant le');
  await expect(inbox).toContainText(clientNumber);

  // A month later both are late: the inbox says they are due, the agents see the site late.
  await clock(30);
  await page.reload();
  await expect(page.getByTestId('inbox')).toContainText('Le test de transmission annuel est dû (échéance');
  await open(agent, '/agent/sites', testInfo);
  await expect(agent.getByTestId('site-row').filter({ hasText: clientNumber })).toContainText('En retard');
});

test('the person downloads all their data as a zip from the private eSpace', async ({ page }, testInfo) => {
  await signIn(page, testInfo);
  await open(page, '/espace', testInfo);
  await expect(page.getByRole('heading', { level: 2, name: 'Vos données' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-link').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('alarmis-mes-donnees.zip');
  const file = await download.path();
  const bytes = require('node:fs').readFileSync(file);
  // A zip's first bytes, then the data file's name in its first entry.
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(bytes.subarray(30, 42).toString('latin1')).toBe('donnees.json');
  if (usesJavaScript(testInfo)) await expectNoViolations(page);
});
