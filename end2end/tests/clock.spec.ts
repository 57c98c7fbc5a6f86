import { expect, test } from '@playwright/test';
import { approvedRequest, click } from './agent';
import { errorSummary, expectNoViolations, open, usesJavaScript, waitForHydration } from './helpers';
import { PDF } from './wizard-steps';

// The test clock is the whole portal's: moving it a year on would age every other test's
// drafts and sites. This file runs in a project of its own, after the others (playwright.config.ts).
test('the yearly maintenance is recorded with its certificate, and reminders come when the clock moves forward', async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(150_000);
  const company = `Galerie Reuter ${testInfo.project.name}`;
  const { businessId, agent } = await approvedRequest(page, browser, testInfo, company);

  await open(page, `/espace/entreprises/${businessId}`, testInfo);
  await page.getByTestId('site-link').click();
  await waitForHydration(page);
  const clientNumber = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').match(/AL-7\d{5}/)?.[0] ?? '';
  const clock = async (days: number) => {
    const response = await page.request.post('/dev/horloge', { form: { days: String(days) }, headers: { Origin: baseURL ?? '' } });
    expect(response.status()).toBe(200);
    return (await response.text()).trim();
  };
  const today = await clock(0);

  // Approved is not connected: no yearly date runs, and nothing can be recorded, until the
  // agent records the day POST connected the line.
  await expect(page.getByTestId('site-facts')).toContainText('en attente du raccordement');
  await expect(page.getByTestId('checks-waiting')).toContainText('attend encore son raccordement');
  await expect(page.getByTestId('due-maintenance')).toHaveCount(0);
  await open(agent, '/agent/sites', testInfo);
  await agent.getByTestId('site-row').filter({ hasText: clientNumber }).getByRole('link', { name: clientNumber }).click();
  await expect(agent.getByTestId('connection-state')).toContainText('en attente du raccordement');
  if (usesJavaScript(testInfo)) await waitForHydration(agent);
  await agent.getByLabel('Jour du raccordement').fill(today);
  await click(agent, testInfo, 'Enregistrer le raccordement');
  await expect(agent.getByTestId('connection-state')).toContainText('Raccordé le');
  await page.reload();
  await waitForHydration(page);
  await expect(page.getByTestId('site-facts')).toContainText('Raccordé le');
  await expect(page.getByTestId('due-maintenance')).toContainText('À faire au plus tard le');
  await expect(page.getByTestId('due-maintenance')).not.toContainText('En retard');

  // A record without its certificate is explained, then recorded with it.
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
