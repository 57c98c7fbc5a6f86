import { expect, test } from '@playwright/test';
import { expectIslandAwake, open, usesJavaScript } from './helpers';
import { fillApplicant, fillSite, next, startRequest, expectStep } from './wizard-steps';

// The Content-Security-Policy lets the pages' own nonced scripts and the WASM bundle run and
// nothing else: a walk through pages whose islands wake, submit and navigate must not trip it.
test('the pages hydrate and work under their Content-Security-Policy', async ({ page }, testInfo) => {
  test.skip(!usesJavaScript(testInfo), 'the policy is about scripts');
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  page.on('pageerror', (error) => violations.push(String(error)));
  const home = await open(page, '/', testInfo);
  const policy = (await home!.allHeaders())['content-security-policy'];
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9_-]+' 'wasm-unsafe-eval'/);
  expect(policy).toContain("frame-ancestors 'none'");
  await startRequest(page, testInfo);
  await fillApplicant(page);
  await next(page, testInfo);
  await expectStep(page, 'Site protégé et propriétaire');
  await fillSite(page);
  await next(page, testInfo);
  await page.goBack();
  await expectIslandAwake(page, 'FormCheck');
  expect(violations).toEqual([]);
});

test('the page that says "too many attempts" explains itself', async ({ page }) => {
  const response = await page.goto('/trop-de-tentatives?quoi=envoi&minutes=7&retour=/espace');
  expect(response!.status()).toBe(429);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trop de tentatives');
  await expect(page.getByTestId('too-many')).toHaveText(
    'Trop de fichiers ont été envoyés depuis votre compte en peu de temps. Réessayez dans 7 minutes.',
  );
  await expect(page.getByRole('link', { name: 'Revenir à la page précédente' })).toHaveAttribute('href', '/espace');
  // An address elsewhere is not offered as the way back.
  await page.goto('/trop-de-tentatives?quoi=code&retour=//evil.example');
  await expect(page.getByRole('link', { name: 'Revenir à la page précédente' })).toHaveAttribute('href', '/');
  await expect(page.getByTestId('too-many')).toContainText('Réessayez dans quelques minutes.');
});
