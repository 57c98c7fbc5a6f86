import { expect, test } from '@playwright/test';
import { interopURL } from './helpers';

// The same relying-party code, pointed at an independent certified provider (oidc-provider,
// with its development login and consent pages): only the issuer URL differs.
test.use({ baseURL: interopURL });

test('signing in through oidc-provider opens the private eSpace', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Se connecter' }).click();
  await page.locator('input[name="login"]').fill('interop-user');
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
  // oidc-provider asks for consent to share the profile and e-mail scopes.
  await page.locator('button[type="submit"]', { hasText: /continue/i }).click();
  await expect(page).toHaveURL(/\/espace$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Votre eSpace privé' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Votre compte' })).toContainText('Interop interop-user');
  await expect(page.getByTestId('auth-means')).toHaveText('Non précisé par le fournisseur d\'identité');

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  // oidc-provider's end-session page asks to confirm signing out there too.
  await page.locator('button[autofocus], button[type="submit"]').first().click();
  await expect(page).toHaveURL(new RegExp(`^${interopURL}/$`));
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible();
});
