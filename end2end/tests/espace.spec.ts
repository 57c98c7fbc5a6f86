import { expect, test, type Page } from '@playwright/test';
import { errorSummary, expectNoViolations, open, signIn, typeAndLeave, usesJavaScript, waitForHydration } from './helpers';

test('signing in with eID shows the private eSpace with the means used, and signing out ends it', async ({ page }, testInfo) => {
  await signIn(page, testInfo, 'Luc Weber', 'eID');
  await expect(page.getByTestId('auth-means')).toHaveText("Carte d'identité électronique (eID)");
  await expect(page.getByRole('navigation', { name: 'Votre compte' })).toContainText('Luc Weber');
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible();
  const espace = await page.goto('/espace');
  expect(espace?.status()).toBe(401);
  await expect(page.getByRole('heading', { name: 'Connectez-vous pour continuer' })).toBeVisible();
});

test('a page that needs a session offers sign-in and comes back to it', async ({ page }, testInfo) => {
  await open(page, '/espace/entreprises/nouvelle', testInfo);
  await expect(page.getByRole('heading', { name: 'Connectez-vous pour continuer' })).toBeVisible();
  await page.getByRole('link', { name: 'Se connecter' }).last().click();
  await page.getByRole('button', { name: 'Se connecter / Sign in' }).click();
  await expect(page).toHaveURL(/\/espace\/entreprises\/nouvelle$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Créer un eSpace professionnel' })).toBeVisible();
});

test('cancelling at the provider explains what happened', async ({ page }, testInfo) => {
  await open(page, '/', testInfo);
  await page.getByRole('link', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Annuler / Cancel' }).click();
  await expect(page.getByRole('heading', { name: "La connexion n'a pas abouti" })).toBeVisible();
  await expect(page.getByTestId('sign-in-failure')).toContainText('Vous avez annulé la connexion');
});

async function fillBusiness(page: Page, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    if (label === 'Forme juridique') {
      await page.getByLabel(label).selectOption({ label: value });
    } else {
      await page.getByLabel(label, { exact: true }).fill(value);
    }
  }
}

test('a business eSpace form with bad values keeps every answer and names each problem', async ({ page }, testInfo) => {
  await signIn(page, testInfo);
  await page.getByRole('link', { name: 'Créer un eSpace professionnel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Créer un eSpace professionnel' })).toBeVisible();
  if (usesJavaScript(testInfo)) await waitForHydration(page);
  await fillBusiness(page, {
    "Dénomination de l'entreprise": '<script>alert(1)</script>',
    'Numéro RCS': '123456',
    Rue: 'Grand-Rue',
    'Code postal': '0123',
    'Adresse e-mail de contact': 'contact@',
    'Numéro de téléphone de contact': '12',
  });
  await page.getByRole('button', { name: "Créer l'eSpace professionnel" }).click();
  const summary = errorSummary(page);
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  for (const message of [
    'Retirez les caractères < et > de la dénomination',
    'Choisissez la forme juridique',
    'Indiquez le numéro RCS sous la forme',
    'Indiquez le numéro',
    'Saisissez un code postal luxembourgeois',
    'Indiquez la localité',
    'Indiquez une adresse e-mail valide',
    'Indiquez un numéro de 6 à 15 chiffres',
  ]) {
    await expect(summary).toContainText(message);
  }
  await expect(page).toHaveTitle(/^Erreur/);
  // Nothing typed is lost, and the markup stays text.
  await expect(page.getByLabel("Dénomination de l'entreprise")).toHaveValue('<script>alert(1)</script>');
  await expect(page.getByLabel('Rue')).toHaveValue('Grand-Rue');
  await expect(page.getByLabel('Numéro RCS')).toHaveValue('123456');
  await expect(page.getByLabel('Numéro de téléphone de contact')).toHaveValue('12');

  // A link in the summary takes focus to its field.
  await summary.getByRole('link', { name: /Indiquez le numéro RCS/ }).click();
  await expect(page.getByLabel('Numéro RCS')).toBeFocused();

  await fillBusiness(page, {
    "Dénomination de l'entreprise": 'Bijouterie Schmit',
    'Forme juridique': 'Société à responsabilité limitée (SARL)',
    'Numéro RCS': 'b 123456',
    Numéro: '12A',
    'Code postal': '1660',
    Localité: 'Luxembourg',
    'Adresse e-mail de contact': 'contact@schmit.lu',
    'Numéro de téléphone de contact': '+352 621 123 456',
  });
  await page.getByRole('button', { name: "Créer l'eSpace professionnel" }).click();
  await expect(page).toHaveURL(/\/espace\/entreprises\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Bijouterie Schmit' })).toBeVisible();
  await expect(page.getByText('B123456')).toBeVisible();
  await expect(page.getByText('12A Grand-Rue, L-1660 Luxembourg')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Démarches ALARMIS' })).toBeVisible();

  // The private eSpace lists it; switching back and forth works.
  await page.getByRole('link', { name: 'Passer à un autre eSpace' }).click();
  await expect(page.getByRole('link', { name: 'Bijouterie Schmit' }).first()).toBeVisible();
});

test('leaving a field with a bad RCS number explains it at once', async ({ page }, testInfo) => {
  test.skip(!usesJavaScript(testInfo), 'inline checks need JavaScript');
  await signIn(page, testInfo);
  await page.goto('/espace/entreprises/nouvelle');
  await waitForHydration(page);
  await typeAndLeave(page, 'Numéro RCS', 'X12345678');
  await expect(page.locator('#rcs_number-error')).toContainText('Indiquez le numéro RCS sous la forme');
  await expect(errorSummary(page)).toHaveCount(0);
  await page.getByLabel('Numéro RCS').fill('B1234');
  await expect(page.locator('#rcs_number-error')).toHaveCount(0);
});

test('an applicant cannot open the police pages', async ({ page }, testInfo) => {
  await signIn(page, testInfo);
  const response = await page.goto('/agent');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Vous ne pouvez pas voir cette page' })).toBeVisible();
});

test('a police agent sees the registered business eSpaces', async ({ page }, testInfo) => {
  await signIn(page, testInfo, 'Claude Muller');
  await page.getByRole('link', { name: 'Espace Police' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Espace Police' })).toBeVisible();
});

test('the eSpace pages pass WCAG 2.1 AA checks', async ({ page }, testInfo) => {
  test.skip(!usesJavaScript(testInfo), 'axe-core needs JavaScript in the page');
  await signIn(page, testInfo);
  await expectNoViolations(page);
  await page.getByRole('link', { name: 'Créer un eSpace professionnel' }).click();
  await waitForHydration(page);
  await page.getByRole('button', { name: "Créer l'eSpace professionnel" }).click();
  await expect(errorSummary(page)).toBeVisible();
  await expectNoViolations(page);
});

test('an administrator invites a colleague, who joins with the link', async ({ page, browser }, testInfo) => {
  await signIn(page, testInfo);
  await page.goto('/espace/entreprises/nouvelle');
  if (usesJavaScript(testInfo)) await waitForHydration(page);
  await fillBusiness(page, {
    "Dénomination de l'entreprise": 'Garage Weber',
    'Forme juridique': 'Société anonyme (SA)',
    'Numéro RCS': 'B654321',
    Rue: 'Route d’Arlon',
    Numéro: '5',
    'Code postal': 'L-8009',
    Localité: 'Strassen',
    'Adresse e-mail de contact': 'info@garage-weber.lu',
    'Numéro de téléphone de contact': '26 12 34 56',
  });
  await page.getByRole('button', { name: "Créer l'eSpace professionnel" }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Garage Weber' })).toBeVisible();
  if (usesJavaScript(testInfo)) await waitForHydration(page);
  await page.getByRole('button', { name: "Créer un lien d'invitation" }).click();
  const link = await page.getByLabel("Lien d'invitation").inputValue();
  expect(link).toMatch(/\/espace\/invitations\/[A-Za-z0-9_-]{43}$/);

  const colleague = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    locale: 'fr-LU',
    javaScriptEnabled: usesJavaScript(testInfo),
  });
  const other = await colleague.newPage();
  await signIn(other, testInfo, 'Luc Weber');
  await other.goto(link);
  await expect(other.getByText("Vous êtes invité à rejoindre l'eSpace professionnel de Garage Weber")).toBeVisible();
  if (usesJavaScript(testInfo)) await waitForHydration(other);
  await other.getByRole('button', { name: 'Rejoindre cet eSpace professionnel' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Garage Weber' })).toBeVisible();
  await expect(other.getByRole('cell', { name: 'Luc Weber' })).toBeVisible();
  await expect(other.getByRole('cell', { name: 'Marie Schmit' })).toBeVisible();
  await colleague.close();
});
