import { expect, type Page, type TestInfo } from '@playwright/test';

export const usesJavaScript = (testInfo: TestInfo) => testInfo.project.name === 'javascript';

/** Waits until the WASM bundle has hydrated the page (App marks <html data-hydrated>). */
export async function waitForHydration(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
}

/** Opens a page and, when JavaScript is on, waits for hydration so that events are handled. */
export async function open(page: Page, url: string, testInfo: TestInfo) {
  const response = await page.goto(url);
  if (usesJavaScript(testInfo)) {
    await waitForHydration(page);
  }
  return response;
}

/** The error summary at the top of a form (role alert, GOV.UK's title in French). */
export const errorSummary = (page: Page) => page.getByRole('alert').filter({ hasText: 'Il y a un problème' });

/** Types into a field and leaves it backwards: forwards is the submit button, which defers the
 *  inline check to the submit itself. */
export async function typeAndLeave(page: Page, label: string, value: string) {
  const field = page.getByLabel(label);
  await field.fill(value);
  await field.press('Shift+Tab');
}
