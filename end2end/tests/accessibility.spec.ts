import { expect, test, type Page } from '@playwright/test';
import { errorSummary, expectNoViolations, open, typeAndLeave, usesJavaScript } from './helpers';

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

test('the check with an inline message passes WCAG 2.1 AA checks', async ({ page }, testInfo) => {
  test.skip(!usesJavaScript(testInfo), 'inline checks need JavaScript');
  await open(page, '/', testInfo);
  await typeAndLeave(page, 'Code postal du site à protéger', '12');
  await expect(page.locator('#postcode-error')).toBeVisible();
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
