import { expect, test } from '@playwright/test';
import { agentPage, click, openCase } from './agent';
import { errorSummary, expectNoViolations, open, signIn, usesJavaScript, waitForHydration } from './helpers';
import { submitConnection } from './wizard-steps';

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
  // The site's address as typed in the wizard (postcode "1660"), written once with its "L-".
  await expect(page.getByTestId('site-link')).toContainText('12A Grand-Rue, L-1660 Luxembourg');
  await page.getByTestId('site-link').click();
  await expect(page.getByRole('heading', { level: 1, name: /Site ALARMIS AL-7\d{5}/ })).toBeVisible();
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
