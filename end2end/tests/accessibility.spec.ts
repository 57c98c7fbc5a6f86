import { expect, test, type Page } from '@playwright/test';
import { errorSummary, expectNoViolations, open, signIn, typeAndLeave, usesJavaScript } from './helpers';

// axe-core runs as a script inside the page, so it needs JavaScript; the pages it checks are the
// server's HTML (hydration changes no markup), including the no-JavaScript error and answer states.
test.beforeEach(({}, testInfo) => {
  test.skip(!usesJavaScript(testInfo) && testInfo.title.includes('WCAG'), 'axe-core needs JavaScript in the page');
});

for (const [language, url] of [['fr', '/language/fr'], ['de', '/language/de'], ['en', '/language/en']]) {
  test(`the home page in ${language} passes WCAG 2.1 AA checks`, async ({ page }, testInfo) => {
    await open(page, url, testInfo);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expectNoViolations(page);
  });
}

test('the check in its error state passes WCAG 2.1 AA checks', async ({ page }, testInfo) => {
  await open(page, '/', testInfo);
  await page.getByRole('button', { name: 'Voir ma démarche' }).click();
  await expect(errorSummary(page)).toBeVisible();
  await expectNoViolations(page);
});

test('a message the browser wrote as a field was left passes WCAG 2.1 AA checks', async ({ page }, testInfo) => {
  test.skip(!usesJavaScript(testInfo), 'the check as a field is left is the form-check island\'s');
  await signIn(page, testInfo);
  await open(page, '/espace/entreprises/nouvelle', testInfo);
  await typeAndLeave(page, 'Numéro RCS', 'X12345678');
  await expect(page.locator('#rcs_number-error')).toBeVisible();
  await expectNoViolations(page);
  await page.getByRole('button', { name: "Créer l'eSpace professionnel" }).click();
  await expect(errorSummary(page)).toBeFocused();
  await expectNoViolations(page);
});

test('the check with its answer passes WCAG 2.1 AA checks', async ({ page }, testInfo) => {
  await open(page, '/?check=1&intrusion=on&fire=on&client_status=new&postcode=L-2540', testInfo);
  await expect(page.locator('#check-result')).toBeVisible();
  await expectNoViolations(page);
});

test('the page-not-found page passes WCAG 2.1 AA checks', async ({ page }) => {
  await page.goto('/nowhere');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  await expectNoViolations(page);
});

test('a narrow screen (320 px) needs no horizontal scrolling', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await open(page, '/?check=1&postcode=x', testInfo);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
