import { expect, type Browser, type Page, type TestInfo } from '@playwright/test';
import { open, signIn, usesJavaScript, waitForHydration } from './helpers';
import { submitConnection } from './wizard-steps';

/** A police agent in a browser of their own. */
export async function agentPage(browser: Browser, testInfo: TestInfo) {
  const context = await browser.newContext({ javaScriptEnabled: usesJavaScript(testInfo), locale: 'fr-LU' });
  const agent = await context.newPage();
  await signIn(agent, testInfo, 'Claude Muller');
  return agent;
}

/** The agent finds the case by its reference through the queue's search, and opens it. */
export async function openCase(agent: Page, testInfo: TestInfo, reference: string, company: string) {
  await open(agent, '/agent', testInfo);
  await agent.getByLabel('Rechercher', { exact: true }).fill(reference);
  await agent.getByRole('button', { name: 'Afficher' }).click();
  await expect(agent.getByTestId('queue-count')).toHaveText('1 dossier.');
  await agent.getByRole('link', { name: reference }).click();
  await expect(agent.getByRole('heading', { level: 1, name: `${reference} · ${company}` })).toBeVisible();
  if (usesJavaScript(testInfo)) await waitForHydration(agent);
}

export async function click(page: Page, testInfo: TestInfo, button: string) {
  await page.getByRole('button', { name: button }).click();
  if (usesJavaScript(testInfo)) await waitForHydration(page);
}

/** A connection request of `company` submitted by the signed-in person of `page` and approved by
 * an agent: the eSpace's id, and the agent's page (to close when done). */
export async function approvedRequest(page: Page, browser: Browser, testInfo: TestInfo, company: string) {
  await signIn(page, testInfo);
  const reference = await submitConnection(page, testInfo, company);
  const businessId = page.url().match(/entreprises\/([^/]+)\//)?.[1] ?? '';
  expect(businessId).not.toBe('');
  const agent = await agentPage(browser, testInfo);
  await openCase(agent, testInfo, reference, company);
  await click(agent, testInfo, 'Prendre en charge');
  await click(agent, testInfo, 'Approuver');
  await expect(agent.getByTestId('status')).toHaveText('Approuvée');
  return { businessId, agent };
}
