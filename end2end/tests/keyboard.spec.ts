import { expect, test } from '@playwright/test';
import { open } from './helpers';

test('the check can be completed with the keyboard only', async ({ page }, testInfo) => {
  await open(page, '/', testInfo);
  // Start from the first checkbox's place in the tab order, as someone tabbing down the page.
  await page.getByLabel('Alarme intrusion (passive)').focus();
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Alarme intrusion (passive)')).toBeChecked();
  await page.keyboard.press('Tab'); // push-button
  await page.keyboard.press('Tab'); // fire
  await page.keyboard.press('Tab'); // first radio of the group
  await expect(page.getByLabel("Oui, j'ai déjà un numéro de client ALARMIS")).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Non, pas encore')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Code postal du site à protéger')).toBeFocused();
  await page.keyboard.type('L-2540');
  await page.keyboard.press('Enter');
  const result = page.locator('#check-result');
  await expect(result.locator('h3')).toHaveText('Votre démarche : demande initiale de raccordement');
  await expect(result).toBeFocused();
});

test('changing language on an answer keeps the answers', async ({ page }, testInfo) => {
  await open(page, '/?check=1&panic_button=on&client_status=existing&postcode=L-1009', testInfo);
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('#check-result h3')).toHaveText('Your procedure: certification of your business eSpace');
  await expect(page.getByLabel('Push-button (active)')).toBeChecked();
  await expect(page.getByLabel('Postcode of the site to protect')).toHaveValue('L-1009');
});
