import { expect, test } from '@playwright/test';
import { expectIslandAwake, expectNoViolations, open, signIn, usesJavaScript, waitForHydration } from './helpers';

// The pages a public-sector site owes its users, reachable from every page's footer.
for (const [language, accessibility, privacy] of [
  ['fr', 'Déclaration d\'accessibilité', 'Protection des données personnelles'],
  ['de', 'Erklärung zur Barrierefreiheit', 'Schutz personenbezogener Daten'],
  ['en', 'Accessibility statement', 'Personal data protection'],
]) {
  test(`the accessibility statement and the privacy notice in ${language}, from the footer`, async ({ page }, testInfo) => {
    await open(page, `/language/${language}`, testInfo);
    const footer = page.getByRole('contentinfo');
    await footer.getByRole('link', { name: { fr: 'Accessibilité', de: 'Barrierefreiheit', en: 'Accessibility' }[language] }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(accessibility);
    await expect(page).toHaveTitle(accessibility);
    await expect(page.getByText('WCAG 2.1').first()).toBeVisible();
    if (usesJavaScript(testInfo)) {
      await waitForHydration(page);
      await expectNoViolations(page);
    }
    await footer.getByRole('link', { name: { fr: 'Protection des données', de: 'Datenschutz', en: 'Data protection' }[language] }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(privacy);
    await expect(page.getByText('CNPD')).toBeVisible();
    if (usesJavaScript(testInfo)) {
      await waitForHydration(page);
      await expectNoViolations(page);
    }
  });
}

test('a language chosen while signed in follows the person to another browser', async ({ page, browser }, testInfo) => {
  // The choice travels through the server (profile, then cookie at sign-in), with or without
  // JavaScript; once is enough, and one run at a time keeps Sophie's profile to this test.
  test.skip(!usesJavaScript(testInfo), 'a server-side behaviour, tested once');
  await signIn(page, testInfo, 'Sophie Hoffmann');
  await page.getByRole('link', { name: 'Deutsch' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ihr privater eSpace' })).toBeVisible();

  // Another browser, without the language cookie: French until Sophie signs in, German after.
  const elsewhere = await browser.newContext({ javaScriptEnabled: usesJavaScript(testInfo), locale: 'fr-LU' });
  const other = await elsewhere.newPage();
  await other.goto('/');
  await expect(other.locator('html')).toHaveAttribute('lang', 'fr');
  await other.getByRole('link', { name: 'Se connecter' }).click();
  await other.getByLabel('LuxTrust', { exact: false }).check();
  await other.getByLabel('Sophie Hoffmann').check();
  await other.getByRole('button', { name: 'Se connecter / Sign in' }).click();
  await expect(other).toHaveURL(/\/espace$/);
  await expect(other.locator('html')).toHaveAttribute('lang', 'de');
  await expect(other.getByRole('heading', { level: 1, name: 'Ihr privater eSpace' })).toBeVisible();
  await elsewhere.close();
});

test('a signed-in page with a form warns before the session ends and can keep it open', async ({ page }, testInfo) => {
  test.skip(!usesJavaScript(testInfo), 'a page without JavaScript cannot speak up by itself');
  // The browser's clock runs ahead on demand; the server's session (30 minutes idle) is real.
  await page.clock.install();
  await signIn(page, testInfo, 'Luc Weber');
  // The private eSpace only shows what is saved: no warning, no script.
  await expect(page.locator('leptos-island')).toHaveCount(0);
  await open(page, '/espace/entreprises/nouvelle', testInfo);
  await expectIslandAwake(page, 'SessionWarning');
  const warning = page.getByRole('alertdialog');
  await page.clock.fastForward('26:00');
  await expect(warning).toHaveCount(0);
  await page.clock.fastForward('01:10');
  await expect(warning).toBeVisible();
  await expect(warning.getByRole('heading')).toHaveText('Votre session va bientôt se terminer');
  await expect(warning).toContainText('vous serez déconnecté(e) dans 2 minutes');
  const stay = warning.getByRole('button', { name: 'Rester connecté(e)' });
  await expect(stay).toBeFocused();
  await expectNoViolations(page);
  await page.keyboard.press('Enter');
  await expect(warning).toHaveCount(0);
  // Left alone this time: first the warning, then the end, with a way back in.
  await page.clock.fastForward('27:10');
  await expect(warning).toBeVisible();
  await page.clock.fastForward('02:00');
  await expect(warning.getByRole('heading')).toHaveText('Votre session est terminée');
  await expect(warning).toContainText('Ce que vous avez enregistré est conservé');
  await expect(warning.getByRole('link', { name: 'Se reconnecter' })).toHaveAttribute('href', /\/auth\/login\?return_to=(%2F|\/)espace(%2F|\/)entreprises(%2F|\/)nouvelle$/);
});
