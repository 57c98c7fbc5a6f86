import { expect, test, type Browser, type Page, type Request, type TestInfo } from '@playwright/test';
import { createBusiness, errorSummary, expectIslandAwake, expectNoViolations, open, pdfText, signIn, usesJavaScript, waitForHydration } from './helpers';

async function next(page: Page, testInfo: TestInfo) {
  await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
  if (usesJavaScript(testInfo)) await waitForHydration(page);
}

async function expectStep(page: Page, title: string) {
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** A client number no other run of the shared test portal certified. */
const freshClientNumber = () => `AL-${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;

/** A police agent in a browser of their own. */
async function agentPage(browser: Browser, testInfo: TestInfo) {
  const context = await browser.newContext({ javaScriptEnabled: usesJavaScript(testInfo), locale: 'fr-LU' });
  const page = await context.newPage();
  await signIn(page, testInfo, 'Claude Muller');
  return page;
}

test('certification: request, agent approval, letter with the code, code typed, eSpace certified', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const clientNumber = freshClientNumber();
  const company = `Bijouterie Schmit ${testInfo.project.name}`;

  // The applicant asks for certification from the business eSpace.
  await signIn(page, testInfo);
  await createBusiness(page, testInfo, company);
  await page.getByRole('button', { name: 'Demander la certification' }).click();
  await expectStep(page, 'Client ALARMIS');
  if (usesJavaScript(testInfo)) await waitForHydration(page);
  await expect(page.getByText('Étape 1 sur 4')).toBeVisible();
  // A wrong client number is explained, and what was typed stays.
  await page.getByLabel('Numéro de client ALARMIS').fill('42/17');
  await page.getByLabel("Votre fonction dans l'entreprise").fill('Gérante');
  await page.getByLabel('Votre numéro de téléphone').fill('621 123 456');
  await next(page, testInfo);
  await expect(errorSummary(page)).toContainText('de 4 à 20 lettres, chiffres ou tirets');
  await expect(page.getByLabel("Votre fonction dans l'entreprise")).toHaveValue('Gérante');
  await page.getByLabel('Numéro de client ALARMIS').fill(clientNumber.toLowerCase().replace('-', ' '));
  await next(page, testInfo);

  await expectStep(page, 'Adresse du courrier');
  await page.getByLabel("À l'attention de (facultatif)").fill('Service technique');
  await page.getByLabel('Rue', { exact: true }).fill('rue de Hollerich');
  await page.getByLabel('Numéro', { exact: true }).fill('48');
  await page.getByLabel('Code postal').fill('1740');
  await page.getByLabel('Localité').fill('Luxembourg');
  await page.getByLabel('allemand').check();
  await next(page, testInfo);

  await expectStep(page, 'Déclaration');
  await page.getByLabel(/informations données sont exactes/).check();
  await next(page, testInfo);
  await expect(errorSummary(page)).toContainText('Cochez les deux déclarations');
  await page.getByLabel(/informations données sont exactes/).check();
  await page.getByLabel(/autorisé\(e\) à agir/).check();
  await next(page, testInfo);

  await expectStep(page, 'Vérifiez vos réponses');
  await expect(page.getByText(clientNumber)).toBeVisible();
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Demande envoyée' })).toBeVisible();
  const reference = (await page.getByTestId('reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^ALR-\d{4}-\d{6}$/);
  await expect(page.getByTestId('status')).toHaveText('Envoyée');

  // The agent finds it, approves it, downloads the letter and marks it posted.
  const agent = await agentPage(browser, testInfo);
  await open(agent, '/agent', testInfo);
  await agent.getByRole('link', { name: reference }).click();
  await expect(agent.getByRole('heading', { level: 1, name: `${reference} · ${company}` })).toBeVisible();
  if (usesJavaScript(testInfo)) await waitForHydration(agent);
  await expect(agent.getByText(clientNumber).first()).toBeVisible();
  await agent.getByRole('button', { name: 'Prendre en charge' }).click();
  await expect(agent.getByTestId('status')).toHaveText("En cours d'examen");
  if (usesJavaScript(testInfo)) await waitForHydration(agent);
  await agent.getByRole('button', { name: 'Approuver' }).click();
  await expect(agent.getByTestId('status')).toHaveText('Approuvée');
  const downloading = agent.waitForEvent('download');
  await agent.getByRole('button', { name: 'Télécharger le courrier (PDF)' }).click();
  const letter = testInfo.outputPath('letter.pdf');
  await (await downloading).saveAs(letter);
  const text = await pdfText(letter);
  // In German, as the applicant asked, to the postal address given.
  expect(text).toContain('Großherzogliche Polizei');
  expect(text).toContain('Zu Händen von Service technique');
  expect(text).toContain('L-1740 Luxembourg');
  expect(text).toContain(reference);
  const code = text.match(/\b[2-9A-HJKMNP-Z]{4}(?:-[2-9A-HJKMNP-Z]{4}){4}\b/)?.[0];
  expect(code, `a code in the letter:\n${text}`).toBeTruthy();
  await open(agent, agent.url(), testInfo);
  await agent.getByRole('button', { name: 'Marquer le courrier comme envoyé' }).click();
  await expect(agent.getByTestId('letter-state')).toContainText('Envoyé le');
  await agent.context().close();

  // The applicant types the code: a typo first, then the right one.
  await page.getByRole('link', { name: "Retour à l'eSpace professionnel" }).click();
  await expect(page.getByRole('heading', { name: 'Saisir le code de certification' })).toBeVisible();
  if (usesJavaScript(testInfo)) {
    await waitForHydration(page);
    await expectIslandAwake(page, 'FormCheck');
    await expectNoViolations(page);
    // Leaving the field with a character missing: the browser says what the server would say,
    // and asks it nothing.
    const requests: string[] = [];
    const record = (request: Request) => requests.push(`${request.method()} ${request.url()}`);
    page.on('request', record);
    const codeField = page.getByRole('textbox', { name: 'Code de certification' });
    await codeField.fill(code!.slice(0, 19));
    await codeField.press('Shift+Tab');
    await expect(page.locator('#code-error')).toHaveText('Erreur : Le code compte 20 caractères : vérifiez qu\'il n\'en manque aucun');
    await expect(page.getByRole('textbox', { name: 'Code de certification' })).toHaveAttribute('aria-invalid', 'true');
    expect(requests, 'the browser checked the code alone').toEqual([]);
    page.off('request', record);
  }
  await page.getByRole('textbox', { name: 'Code de certification' }).fill(code!.slice(0, 19));
  await page.getByRole('button', { name: "Certifier l'eSpace" }).click();
  await expect(errorSummary(page)).toContainText('Le code compte 20 caractères');
  if (usesJavaScript(testInfo)) await expectNoViolations(page);
  await page.getByRole('textbox', { name: 'Code de certification' }).fill(code!.toLowerCase());
  await page.getByRole('button', { name: "Certifier l'eSpace" }).click();
  await expect(page.getByTestId('certified-badge')).toHaveText('Certifié ALARMIS');
  await expect(page.getByTestId('client-number')).toHaveText(clientNumber);
  await expect(page.getByRole('button', { name: 'Demander la certification' })).toHaveCount(0);
  await expect(page.getByTestId('requests')).toContainText('Approuvée');
});

test('a refused certification shows its reason to the applicant', async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  await signIn(page, testInfo, 'Luc Weber');
  await createBusiness(page, testInfo, `Garage Weber ${testInfo.project.name}`);
  await page.getByRole('button', { name: 'Demander la certification' }).click();
  await expectStep(page, 'Client ALARMIS');
  if (usesJavaScript(testInfo)) await waitForHydration(page);
  await page.getByLabel('Numéro de client ALARMIS').fill(freshClientNumber());
  await page.getByLabel("Votre fonction dans l'entreprise").fill('Gérant');
  await page.getByLabel('Votre numéro de téléphone').fill('621 999 888');
  await next(page, testInfo);
  await page.getByLabel('Rue', { exact: true }).fill("route d'Esch");
  await page.getByLabel('Numéro', { exact: true }).fill('3');
  await page.getByLabel('Code postal').fill('4011');
  await page.getByLabel('Localité').fill('Esch-sur-Alzette');
  await page.getByLabel('français').check();
  await next(page, testInfo);
  await page.getByLabel(/informations données sont exactes/).check();
  await page.getByLabel(/autorisé\(e\) à agir/).check();
  await next(page, testInfo);
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  const reference = (await page.getByTestId('reference').textContent())?.trim() ?? '';
  const requestUrl = page.url();

  const agent = await agentPage(browser, testInfo);
  await open(agent, '/agent', testInfo);
  await agent.getByRole('link', { name: reference }).click();
  if (usesJavaScript(testInfo)) await waitForHydration(agent);
  await agent.getByRole('button', { name: 'Prendre en charge' }).click();
  await expect(agent.getByTestId('status')).toHaveText("En cours d'examen");
  if (usesJavaScript(testInfo)) await waitForHydration(agent);
  await agent.getByRole('button', { name: 'Refuser' }).click();
  await expect(errorSummary(agent)).toContainText('Indiquez le motif du refus');
  await agent.getByLabel('Motif du refus').fill("Ce numéro de client n'existe pas dans nos registres.");
  await agent.getByRole('button', { name: 'Refuser' }).click();
  await expect(agent.getByTestId('status')).toHaveText('Refusée');
  await agent.context().close();

  await open(page, requestUrl, testInfo);
  await expect(page.getByTestId('status')).toHaveText('Refusée');
  await expect(page.getByTestId('refusal-reason')).toContainText("n'existe pas dans nos registres");
});
