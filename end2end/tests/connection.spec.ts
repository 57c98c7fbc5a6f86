import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { createBusiness, errorSummary, expectIslandAwake, expectNoViolations, pdfText, signIn, typeAndLeave, usesJavaScript, waitForHydration } from './helpers';
import { EXE, PDF, PNG, expectStep, fillApplicant, fillContact, fillSite, fillSystem, next, startRequest, upload } from './wizard-steps';

test('the whole connection request, as a person fills it in, ends with a reference and a receipt', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await startRequest(page, testInfo);
  await expect(page.getByRole('navigation', { name: 'Étapes de la demande' })).toBeVisible();
  await expect(page.getByText('Étape 1 sur 8')).toBeVisible();
  await fillApplicant(page);
  await next(page, testInfo);

  await expectStep(page, 'Site protégé et propriétaire');
  await fillSite(page);
  await next(page, testInfo);

  await expectStep(page, "Système d'alarme");
  // A new step starts empty: nothing typed on the previous one shows through.
  await expect(page.getByLabel("Nom de l'entreprise d'installation")).toHaveValue('');
  await expect(page.getByLabel("Numéro de l'autorisation d'établissement")).toHaveValue('');
  await fillSystem(page);
  await next(page, testInfo);

  await expectStep(page, 'Personnes de contact');
  await expect(page.getByRole('group', { name: 'Personne de contact 1', exact: true }).getByLabel('Nom', { exact: true })).toHaveValue('');
  await fillContact(page, 1, 'Schmit', 'Anne');
  await fillContact(page, 2, 'Weber', 'Paul');
  await next(page, testInfo);

  await expectStep(page, 'Motivation');
  await page.getByLabel('Pourquoi cette alarme doit-elle être raccordée à la Police ?').fill('Bijouterie exposée, deux tentatives d’effraction en 2025.');
  await next(page, testInfo);

  await expectStep(page, 'Pièces justificatives');
  await upload(page, testInfo, 'Plan du bâtiment (obligatoire)', 'plan.pdf', PDF);
  await upload(page, testInfo, 'Certificat de conformité (obligatoire)', 'certificat.png', PNG, 'image/png');
  await expect(page.getByTestId('documents')).toContainText('plan.pdf');
  await expect(page.getByTestId('documents')).toContainText('certificat.png');
  if (usesJavaScript(testInfo)) await expectNoViolations(page);
  await next(page, testInfo);

  await expectStep(page, 'Obligations');
  await expect(page.getByLabel(/entretenu chaque année/)).not.toBeChecked();
  for (const obligation of [/entretenu chaque année/, /livret d'exploitation/, /inspecter sur place/, /test de transmission/, /tout changement/, /personnel est formé/, /fausses alertes/]) {
    await page.getByLabel(obligation).check();
  }
  await next(page, testInfo);

  await expectStep(page, 'Vérifiez vos réponses');
  await expect(page.getByText('L-1660')).toBeVisible();
  await expect(page.getByText('10012345/1')).toBeVisible();
  await expect(page.getByText('+352691000111').first()).toBeVisible();
  if (usesJavaScript(testInfo)) await expectNoViolations(page);
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Demande envoyée' })).toBeVisible();
  const reference = (await page.getByTestId('reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^ALR-\d{4}-\d{6}$/);

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: "Télécharger l'accusé de réception (PDF)" }).click();
  const download = await downloading;
  const saved = testInfo.outputPath('receipt.pdf');
  await download.saveAs(saved);
  const text = await pdfText(saved);
  expect(text).toContain(reference);
  expect(text).toContain('Immobilière du Centre SA');
  expect(text).toContain('plan.pdf');

  // The business eSpace lists it as submitted.
  await page.getByRole('link', { name: "Retour à l'eSpace professionnel" }).click();
  await expect(page.getByTestId('requests')).toContainText(reference);
  await expect(page.getByTestId('requests')).toContainText('Envoyée');
});

test('wrong answers in the wizard get their messages and keep what was typed', async ({ page }, testInfo) => {
  await startRequest(page, testInfo);
  await fillApplicant(page);
  await next(page, testInfo);
  await fillSite(page);
  await page.getByLabel('Code postal').fill('L-12');
  await next(page, testInfo);
  const summary = errorSummary(page);
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Saisissez un code postal luxembourgeois');
  await expect(page).toHaveTitle(/^Erreur/);
  await expect(page.getByLabel('Rue', { exact: true })).toHaveValue('Grand-Rue');
  await expect(page.getByLabel('Code postal')).toHaveValue('L-12');
  if (usesJavaScript(testInfo)) await expectNoViolations(page);
  await page.getByLabel('Code postal').fill('L-1660');
  await next(page, testInfo);

  await expectStep(page, "Système d'alarme");
  await fillSystem(page);
  await page.getByLabel('Alarme incendie').check();
  await next(page, testInfo);
  await expect(errorSummary(page)).toContainText('CGDIS');
  await expect(page.getByLabel("Nom de l'entreprise d'installation")).toHaveValue('Sécurité Moselle SARL');
  await page.getByLabel('Alarme incendie').uncheck();
  await next(page, testInfo);

  await expectStep(page, 'Personnes de contact');
  await fillContact(page, 1, 'Schmit', 'Anne');
  await next(page, testInfo);
  await expect(errorSummary(page)).toContainText('la Police demande au moins deux personnes de contact');
  await expect(page.getByRole('group', { name: 'Personne de contact 1', exact: true }).getByLabel('Nom', { exact: true })).toHaveValue('Schmit');
});

test('a wrong phone number gets the server\'s own message as the field is left, with no request, then a right one goes through', async ({ page, browser }, testInfo) => {
  test.skip(!usesJavaScript(testInfo), 'the check as a field is left is the form-check island\'s');
  await startRequest(page, testInfo);
  await expectIslandAwake(page, 'FormCheck');
  const requests: string[] = [];
  page.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
  await fillApplicant(page);
  await typeAndLeave(page, 'Votre numéro de téléphone', '12');
  const error = page.locator('#representative_phone-error');
  await expect(error).toContainText('6 à 15 chiffres');
  await expect(page.getByLabel('Votre numéro de téléphone')).toHaveAttribute('aria-invalid', 'true');
  await expect(errorSummary(page)).toHaveCount(0);
  const inBrowser = ((await error.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  expect(requests, 'the browser checked it alone').toEqual([]);

  // The same mistake sent without JavaScript: the server's words are the browser's.
  const noScript = await browser.newContext({ javaScriptEnabled: false, locale: 'fr-LU', storageState: await page.context().storageState() });
  const serverPage = await noScript.newPage();
  await serverPage.goto(page.url());
  await fillApplicant(serverPage);
  await serverPage.getByLabel('Votre numéro de téléphone').fill('12');
  await serverPage.getByRole('button', { name: 'Enregistrer et continuer' }).click();
  const fromServer = ((await serverPage.locator('#representative_phone-error').textContent()) ?? '').replace(/\s+/g, ' ').trim();
  await noScript.close();
  expect(inBrowser).toBe(fromServer);

  // On submit the summary takes focus, still without a request; then a right value goes.
  await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
  await expect(errorSummary(page)).toBeFocused();
  await expect(page).toHaveTitle(/^Erreur : /);
  expect(requests).toEqual([]);
  await page.getByLabel('Votre numéro de téléphone').fill('621 123 456');
  await expect(error).toHaveCount(0);
  await next(page, testInfo);
  await expectStep(page, 'Site protégé et propriétaire');
  expect(requests.some((r) => r.startsWith('POST ')), 'the right value was sent').toBe(true);
});

/** A new draft, its steps before the documents answered; ends on the documents step. */
async function toDocumentsStep(page: Page, testInfo: TestInfo) {
  await startRequest(page, testInfo);
  for (const fill of [fillApplicant, fillSite, fillSystem]) {
    await fill(page);
    await next(page, testInfo);
  }
  await fillContact(page, 1, 'Schmit', 'Anne');
  await fillContact(page, 2, 'Weber', 'Paul');
  await next(page, testInfo);
  await page.getByLabel('Pourquoi cette alarme doit-elle être raccordée à la Police ?').fill('Risque élevé.');
  await next(page, testInfo);
}

test('a file that is not a PDF, PNG or JPEG is refused by its content, whatever its name', async ({ page }, testInfo) => {
  await toDocumentsStep(page, testInfo);
  const base = page.url().replace(/\/documents$/, '');
  // Continuing without the required files: the summary's link leads to the file input.
  await next(page, testInfo);
  const summary = errorSummary(page);
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: /Ajoutez le plan du bâtiment et le certificat/ }).click();
  await expect(page.getByLabel('Fichier', { exact: true })).toBeFocused();
  await upload(page, testInfo, 'Plan du bâtiment (obligatoire)', 'plan.pdf', EXE);
  await expect(page.locator('#file-error')).toContainText('PDF, PNG ou JPEG');
  await expect(errorSummary(page)).toBeVisible();
  expect(page.url()).toContain(base);
  // Nothing else was lost: going back shows the saved motivation.
  await page.getByRole('link', { name: 'Retour', exact: true }).click();
  await expect(page.getByLabel('Pourquoi cette alarme doit-elle être raccordée à la Police ?')).toHaveValue('Risque élevé.');
});

test('the document picker refuses a wrong type or a file over 10 MB as it is chosen, with no request', async ({ page }, testInfo) => {
  test.skip(!usesJavaScript(testInfo), 'without JavaScript the server answers the upload (the test above)');
  await toDocumentsStep(page, testInfo);
  await expectIslandAwake(page, 'FormCheck');
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request.url());
  });
  const file = page.getByLabel('Fichier', { exact: true });
  await file.setInputFiles({ name: 'plan.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('PK\x03\x04') });
  await expect(page.locator('#file-error')).toContainText('Le fichier doit être un document PDF, PNG ou JPEG');
  await expect(file).toHaveAttribute('aria-invalid', 'true');
  await file.setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([PDF, Buffer.alloc(10_000_001)]) });
  await expect(page.locator('#file-error')).toContainText('Le fichier dépasse 10 Mo');
  await page.getByRole('button', { name: 'Téléverser le fichier' }).click();
  await expect(errorSummary(page)).toBeFocused();
  await expect(errorSummary(page).getByRole('link', { name: /Le fichier dépasse 10 Mo/ })).toBeVisible();
  await expect(page).toHaveTitle(/^Erreur : /);
  expect(posts).toEqual([]);
  // A right file goes up as before, and the message leaves with the wrong one.
  await file.setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(page.locator('#file-error')).toHaveCount(0);
  await page.getByRole('button', { name: 'Téléverser le fichier' }).click();
  await expect(page.getByRole('link', { name: 'plan.pdf' })).toBeVisible();
  expect(posts).toHaveLength(1);
});

test('a reload or a second tab in the middle of the wizard loses nothing saved', async ({ page, context }, testInfo) => {
  await startRequest(page, testInfo);
  await fillApplicant(page);
  await next(page, testInfo);
  await fillSite(page);
  await next(page, testInfo);
  await expectStep(page, "Système d'alarme");
  const url = page.url();
  await page.reload();
  await expectStep(page, "Système d'alarme");
  const second = await context.newPage();
  await second.goto(url.replace(/\/systeme$/, '/site'));
  await expect(second.getByLabel('Nom, ou nom de la société')).toHaveValue('Immobilière du Centre SA');
  await second.close();
  // The business eSpace lists the draft and resumes at the first step not done.
  await page.goto(url.replace(/\/demandes\/.*$/, ''));
  await page.getByRole('link', { name: /Continuer la demande/ }).click();
  await expectStep(page, "Système d'alarme");
});

test('a draft is listed in the business eSpace and can be deleted from its page', async ({ page }, testInfo) => {
  await startRequest(page, testInfo);
  await fillApplicant(page);
  await next(page, testInfo);
  await expectStep(page, 'Site protégé et propriétaire');
  const business = page.url().replace(/\/demandes\/.*$/, '');
  await page.goto(business);
  const requests = page.getByTestId('requests');
  await expect(requests).toContainText('Brouillon');
  await requests.getByRole('link', { name: 'Gérer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Brouillon de demande de raccordement' })).toBeVisible();
  await expect(page.getByText('Gérante')).toBeVisible();
  await page.getByText('Supprimer ce brouillon').click();
  await page.getByRole('button', { name: 'Supprimer le brouillon' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bijouterie Schmit' })).toBeVisible();
  await expect(page.getByText('Aucune demande pour l’instant.').or(page.getByText("Aucune demande pour l'instant."))).toBeVisible();
});
