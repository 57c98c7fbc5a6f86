import { expect, test } from '@playwright/test';
import { open, usesJavaScript } from './helpers';

test('the home page is rendered on the server, in French by default', async ({ page }, testInfo) => {
  await open(page, '/', testInfo);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    "Raccorder un système d'alarme à la Police grand-ducale via ALARMIS",
  );
  await expect(page).toHaveTitle("Raccorder un système d'alarme à la Police (ALARMIS)");
  await expect(page.getByText('+352 244 24 49 10')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Certification de l\'espace professionnel' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Demande initiale de raccordement' })).toBeVisible();
});

test('without JavaScript the content is in the HTML itself', async ({ request }) => {
  const response = await request.get('/');
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain('<html lang="fr"');
  expect(html).toContain('Quelle démarche pour moi ?');
  expect(html).toContain('alarmis@police.etat.lu');
});

test('the skip link is the first stop of the keyboard and leads to the content', async ({ page }, testInfo) => {
  await open(page, '/', testInfo);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Aller au contenu' });
  await expect(skip).toBeFocused();
  await expect(skip).toHaveAttribute('href', '#main-content');
});

test('the language switch changes the page text and is remembered', async ({ page }, testInfo) => {
  await open(page, '/', testInfo);
  await page.getByRole('link', { name: 'Deutsch' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Eine Alarmanlage über ALARMIS bei der Großherzoglichen Polizei aufschalten',
  );
  await expect(page.getByRole('link', { name: 'Deutsch' })).toHaveAttribute('aria-current', 'true');

  await open(page, '/', testInfo);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');

  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Connect an alarm system to the Grand Ducal Police through ALARMIS',
  );
  // Nothing on the home page acts before the server answers: no island, no script to undo
  // the language.
  await expect(page.locator('leptos-island')).toHaveCount(0);
  await expect(page.locator('script')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Show my procedure' })).toBeVisible();
});

test('the browser language is followed when nothing was chosen', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await context.close();
});

test('an unknown address gets a real 404 page', async ({ page }) => {
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  await expect(page.getByRole('link', { name: "Retour à l'accueil" })).toBeVisible();
});

test('the health check answers with the database state', async ({ request }) => {
  const response = await request.get('/healthz');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
});
