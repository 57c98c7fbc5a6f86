import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { createBusiness, errorSummary, expectNoViolations, signIn, usesJavaScript, waitForHydration } from './helpers';
import { PDF, PNG, expectStep, fillApplicant, fillContact, fillSite, fillSystem, next, startRequest, upload } from './wizard-steps';

// Every step of both procedures, sent empty first: the step in its error state (summary,
// messages by the fields, "Erreur :" title, the step number in the title) must pass axe-core's
// WCAG 2.1 A and AA rules, then again once answered.
test.beforeEach(({}, testInfo) => {
  test.skip(!usesJavaScript(testInfo), 'axe-core runs inside the page');
});

async function emptyThenAnswered(page: Page, testInfo: TestInfo, title: string, number: string, answer: () => Promise<void>) {
  await expectStep(page, title);
  await expect(page).toHaveTitle(new RegExp(`^${number}`));
  await next(page, testInfo);
  await expect(errorSummary(page)).toBeVisible();
  await expect(errorSummary(page)).toBeFocused();
  await expect(page).toHaveTitle(new RegExp(`^Erreur : ${number}`));
  await expectNoViolations(page);
  await answer();
  await next(page, testInfo);
}

test('every step of the connection request, in its error state, passes WCAG 2.1 AA checks', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await startRequest(page, testInfo);
  await emptyThenAnswered(page, testInfo, 'Demandeur', 'Étape 1 sur 8 : Demandeur', () => fillApplicant(page));
  await emptyThenAnswered(page, testInfo, 'Site protégé et propriétaire', 'Étape 2 sur 8', () => fillSite(page));
  await emptyThenAnswered(page, testInfo, "Système d'alarme", 'Étape 3 sur 8', () => fillSystem(page));
  await emptyThenAnswered(page, testInfo, 'Personnes de contact', 'Étape 4 sur 8', async () => {
    await fillContact(page, 1, 'Schmit', 'Anne');
    await fillContact(page, 2, 'Weber', 'Paul');
  });
  await emptyThenAnswered(page, testInfo, 'Motivation', 'Étape 5 sur 8', () =>
    page.getByLabel('Pourquoi cette alarme doit-elle être raccordée à la Police ?').fill('Bijouterie exposée.'));
  await emptyThenAnswered(page, testInfo, 'Pièces justificatives', 'Étape 6 sur 8', async () => {
    await upload(page, testInfo, 'Plan du bâtiment (obligatoire)', 'plan.pdf', PDF);
    await upload(page, testInfo, 'Certificat de conformité (obligatoire)', 'certificat.png', PNG, 'image/png');
    await expectNoViolations(page);
  });
  await emptyThenAnswered(page, testInfo, 'Obligations', 'Étape 7 sur 8', async () => {
    for (const obligation of [/entretenu chaque année/, /livret d'exploitation/, /inspecter sur place/, /test de transmission/, /tout changement/, /personnel est formé/, /fausses alertes/]) {
      await page.getByLabel(obligation).check();
    }
  });
  await expectStep(page, 'Vérifiez vos réponses');
  await expect(page).toHaveTitle(/^Étape 8 sur 8/);
  await expectNoViolations(page);
});

test('every step of the certification request, in its error state, passes WCAG 2.1 AA checks', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await signIn(page, testInfo);
  await createBusiness(page, testInfo, 'Bijouterie Axe Certifiée');
  await page.getByRole('button', { name: 'Demander la certification' }).click();
  await waitForHydration(page);
  await emptyThenAnswered(page, testInfo, 'Client ALARMIS', 'Étape 1 sur 4 : Client ALARMIS', async () => {
    await page.getByLabel('Numéro de client ALARMIS').fill(`AL-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`);
    await page.getByLabel("Votre fonction dans l'entreprise").fill('Gérante');
    await page.getByLabel('Votre numéro de téléphone').fill('621 123 456');
  });
  await emptyThenAnswered(page, testInfo, 'Adresse du courrier', 'Étape 2 sur 4', async () => {
    await page.getByLabel('Rue', { exact: true }).fill('rue de Hollerich');
    await page.getByLabel('Numéro', { exact: true }).fill('48');
    await page.getByLabel('Code postal').fill('1740');
    await page.getByLabel('Localité').fill('Luxembourg');
    await page.getByLabel('français').check();
  });
  await emptyThenAnswered(page, testInfo, 'Déclaration', 'Étape 3 sur 4', async () => {
    await page.getByLabel(/informations données sont exactes/).check();
    await page.getByLabel(/autorisé\(e\) à agir/).check();
  });
  await expectStep(page, 'Vérifiez vos réponses');
  await expectNoViolations(page);
});

test('the pages around the procedures pass WCAG 2.1 AA checks', async ({ page }) => {
  for (const [url, heading] of [
    ['/trop-de-tentatives?quoi=connexion&minutes=3&retour=/', 'Trop de tentatives'],
    ['/connexion/echec?reason=cancelled', null],
    ['/accessibilite', "Déclaration d'accessibilité"],
    ['/protection-des-donnees', 'Protection des données personnelles'],
  ] as const) {
    await page.goto(url);
    if (heading) await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expectNoViolations(page);
  }
});
