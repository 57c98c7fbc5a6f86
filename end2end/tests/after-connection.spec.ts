import { expect, test } from '@playwright/test';
import { approvedRequest, click } from './agent';
import { errorSummary, expectNoViolations, open, signIn, usesJavaScript, waitForHydration } from './helpers';

test('a change report waits for the Police, the agent accepts it, the site changes and the inbox says so', async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
  const company = `Horlogerie Klein ${testInfo.project.name}`;
  // The agent approves the request: the site waits for its connection.
  const { businessId, agent } = await approvedRequest(page, browser, testInfo, company);

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

test('a false alert is recorded with its cause once the line is connected, the fee contested, and the agent cancels it', async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
  const company = `Optique Faber ${testInfo.project.name}`;
  const { businessId, agent } = await approvedRequest(page, browser, testInfo, company);

  // The agent records the day of connection, then an intervention with its cause.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Luxembourg' }).format(new Date());
  await open(agent, '/agent/sites', testInfo);
  await agent.getByTestId('site-row').filter({ hasText: company }).getByRole('link').click();
  if (usesJavaScript(testInfo)) await waitForHydration(agent);
  await agent.getByLabel('Jour du raccordement').fill(today);
  await click(agent, testInfo, 'Enregistrer le raccordement');
  await expect(agent.getByTestId('connection-state')).toContainText('Raccordé le');
  await agent.getByLabel('Date de la fausse alerte').fill(today);
  await agent.getByRole('button', { name: "Enregistrer l'intervention" }).click();
  await expect(errorSummary(agent)).toContainText('Choisissez la cause de la fausse alerte');
  await agent.getByLabel('Date de la fausse alerte').fill(today);
  await agent.getByLabel("Erreur d'utilisation").check();
  await agent.getByLabel('Nombre de personnes intervenues').fill('2');
  await agent.getByLabel("Durée de l'intervention, en heures").fill('1,5');
  await agent.getByLabel('Distance parcourue, en kilomètres par véhicule').fill('12,4');
  await agent.getByLabel('Nombre de véhicules').fill('1');
  await click(agent, testInfo, "Enregistrer l'intervention");
  await expect(agent.getByTestId('alert-cause')).toContainText("Erreur d'utilisation");
  await expect(agent.getByTestId('fee-status')).toHaveText('Frais dus par le propriétaire');

  // The beneficiary contests the fee with a reason, at the fee's own address.
  await open(page, `/espace/entreprises/${businessId}`, testInfo);
  await page.getByTestId('site-link').click();
  await expect(page.getByTestId('fee-total')).toBeVisible();
  await page.getByRole('link', { name: 'Contester ces frais' }).click();
  if (usesJavaScript(testInfo)) await waitForHydration(page);
  await page.getByRole('button', { name: 'Envoyer la contestation' }).click();
  await expect(errorSummary(page)).toContainText('Indiquez le motif de la contestation');
  await expect(page).toHaveTitle(/^Erreur : /);
  if (usesJavaScript(testInfo)) await expectNoViolations(page);
  await page.getByLabel('Motif de la contestation').fill('Une livraison a ouvert la porte arrière avec le code du jour.');
  await page.getByRole('button', { name: 'Envoyer la contestation' }).click();
  await expect(page.getByTestId('fee-status')).toHaveText('Frais contestés : la Police décide');

  // The agent cancels it; the beneficiary reads it on the site and in the inbox.
  await open(agent, '/agent/sites', testInfo);
  await agent.getByTestId('site-row').filter({ hasText: company }).getByRole('link').click();
  await agent.getByRole('link', { name: 'Décider de la contestation' }).click();
  if (usesJavaScript(testInfo)) await waitForHydration(agent);
  await expect(agent.getByTestId('false-alert')).toContainText('Une livraison a ouvert la porte');
  await click(agent, testInfo, 'Annuler les frais');
  await expect(agent.getByTestId('fee-status')).toHaveText("Frais annulés par la Police : rien n'est dû");
  await open(page, `/espace/entreprises/${businessId}`, testInfo);
  await page.getByTestId('inbox-link').click();
  await expect(page.getByTestId('inbox')).toContainText('sont annulés par la Police');
  await agent.context().close();
});
