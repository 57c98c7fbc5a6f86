import { expect, test } from '@playwright/test';
import { signIn } from './helpers';
import { submitConnection } from './wizard-steps';

// scripts/test's second browser run puts two portal processes behind nginx (round robin) on one
// PostgreSQL database and one document folder. Sessions, drafts, uploads, sign-in codes and
// rate-limit counts must therefore live outside any one process: this walks the whole wizard
// and checks that its requests were really served by both processes.
test('the whole wizard works when its requests alternate between two processes', async ({ page }, testInfo) => {
  test.skip(process.env.E2E_MODE !== 'multi', 'needs the two processes behind nginx (scripts/test)');
  const served: { method: string; path: string; by: string }[] = [];
  page.on('response', (response) => {
    const by = response.headers()['x-upstream'];
    if (by) served.push({ method: response.request().method(), path: new URL(response.url()).pathname, by });
  });
  await signIn(page, testInfo);
  const reference = await submitConnection(page, testInfo, 'Bijouterie Deux Processus');
  expect(reference).toMatch(/^ALR-\d{4}-\d{6}$/);
  await page.reload();
  await expect(page.getByTestId('reference')).toHaveText(reference);

  const processes = new Set(served.map((s) => s.by));
  expect([...processes].sort()).toEqual(
    (process.env.E2E_PROCESS_PORTS ?? '').split(' ').map((p) => `127.0.0.1:${p}`).sort(),
  );
  // Saves (form posts) landed on both, and so did the pages that read them back: each process
  // read what the other wrote. (nginx counts posts apart from pages, playwright.config.ts: with
  // one count, each post and its redirect's page pair up and every post goes to one process.)
  const writers = new Set(served.filter((s) => s.method === 'POST').map((s) => s.by));
  expect(writers.size).toBe(2);
  const switches = served.slice(1).filter((s, i) => s.by !== served[i].by).length;
  expect(switches).toBeGreaterThan(served.length / 4);
});
