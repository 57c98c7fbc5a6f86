import { expect, test, type Page } from '@playwright/test';
import { errorSummary, open } from './helpers';

const POSTCODE_FORMAT = 'Saisissez un code postal luxembourgeois de 4 chiffres, par exemple L-2540';

async function answer(page: Page, opts: { kinds?: string[]; client?: string; postcode?: string }) {
  for (const kind of opts.kinds ?? []) {
    await page.getByLabel(kind).check();
  }
  if (opts.client) {
    await page.getByLabel(opts.client).check();
  }
  if (opts.postcode !== undefined) {
    await page.getByLabel('Code postal du site à protéger').fill(opts.postcode);
  }
}

test('a complete answer names the procedure and keeps the answers in the form', async ({ page }, testInfo) => {
  await open(page, '/', testInfo);
  await answer(page, { kinds: ['Alarme intrusion (passive)'], client: 'Non, pas encore', postcode: 'l 2540' });
  await page.getByRole('button', { name: 'Voir ma démarche' }).click();

  const result = page.locator('#check-result');
  await expect(result.getByRole('heading')).toHaveText('Votre démarche : demande initiale de raccordement');
  await expect(result).toContainText('Site protégé : L-2540, Luxembourg.');
  await expect(page).toHaveURL(/postcode=l\+2540/);
  await expect(page.getByLabel('Alarme intrusion (passive)')).toBeChecked();
  await expect(page.getByLabel('Non, pas encore')).toBeChecked();
  await expect(page.getByLabel('Code postal du site à protéger')).toHaveValue('l 2540');
  await expect(result).toBeFocused();
});

test('an existing client is sent to the certification procedure', async ({ page }, testInfo) => {
  await open(page, '/', testInfo);
  await answer(page, { kinds: ['Bouton-poussoir (active)'], client: "Oui, j'ai déjà un numéro de client ALARMIS", postcode: '9999' });
  await page.getByRole('button', { name: 'Voir ma démarche' }).click();
  await expect(page.locator('#check-result h3')).toHaveText("Votre démarche : certification de l'espace professionnel");
});

test('a fire alarm alone is sent to the CGDIS', async ({ page }, testInfo) => {
  await open(page, '/', testInfo);
  await answer(page, { kinds: ['Alarme incendie'], client: 'Non, pas encore', postcode: 'L-1009' });
  await page.getByRole('button', { name: 'Voir ma démarche' }).click();
  const result = page.locator('#check-result');
  await expect(result.locator('h3')).toHaveText('Cette alarme ne relève pas de la Police');
  await expect(result).toContainText('CGDIS');
});

test('an empty form lists every problem at the top, linked to its field, and takes focus', async ({ page }, testInfo) => {
  await open(page, '/', testInfo);
  await page.getByRole('button', { name: 'Voir ma démarche' }).click();

  const summary = errorSummary(page);
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    "Choisissez au moins un type d'alarme",
    'Indiquez si vous êtes déjà client ALARMIS',
    'Saisissez le code postal',
  ]);
  await expect(page).toHaveTitle(/^Erreur : /);
  await expect(page.getByLabel('Code postal du site à protéger')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Code postal du site à protéger')).toHaveAttribute(
    'aria-describedby',
    'postcode-hint postcode-error',
  );

  await summary.getByRole('link', { name: 'Saisissez le code postal' }).click();
  await expect(page).toHaveURL(/#postcode$/);
  await expect(page.getByLabel('Code postal du site à protéger')).toBeFocused();
});

test('a wrong postcode is kept with its message, the other answers too', async ({ page }, testInfo) => {
  await open(page, '/', testInfo);
  await answer(page, { kinds: ['Alarme intrusion (passive)'], client: 'Non, pas encore', postcode: '25400' });
  await page.getByRole('button', { name: 'Voir ma démarche' }).click();
  await expect(page.locator('#postcode-error')).toContainText(POSTCODE_FORMAT);
  await expect(page.getByLabel('Code postal du site à protéger')).toHaveValue('25400');
  await expect(page.getByLabel('Alarme intrusion (passive)')).toBeChecked();
  await expect(page.locator('#check-result')).toHaveCount(0);
});

test('a crafted request that skips the browser is refused by the server function with 422', async ({ request }) => {
  const response = await request.post('/api/check_eligibility', {
    form: { 'answers[intrusion]': 'true', 'answers[client_status]': 'new', 'answers[postcode]': 'D-1234' },
  });
  expect(response.status()).toBe(422);
  expect(await response.json()).toEqual({ Invalid: [{ field: 'postcode', code: 'postcode-format' }] });

  const garbage = await request.post('/api/check_eligibility', { form: { 'answers[intrusion]': 'perhaps' } });
  expect(garbage.status()).toBe(400);
});

// The home page has no script: the server answers, and its summary takes focus on load.
test('clicking the button straight from a wrong field submits at once (no message moves it away)', async ({ page }, testInfo) => {
  await open(page, '/', testInfo);
  await page.getByLabel('Code postal du site à protéger').fill('D-12');
  await page.getByRole('button', { name: 'Voir ma démarche' }).click();
  const summary = errorSummary(page);
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(3);
  await expect(page).toHaveTitle(/^Erreur : /);
});

