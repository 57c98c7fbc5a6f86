import { expect, test } from '@playwright/test';
import { agentPage, click, openCase } from './agent';
import { errorSummary, expectNoViolations, mailsHolding, open, signIn, usesJavaScript, waitForHydration } from './helpers';
import { PNG, submitConnection } from './wizard-steps';

test('an agent asks for a document, the applicant adds it, the agent approves: client number, message and mails', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const company = `Bijouterie Hoffmann ${testInfo.project.name}`;
  await signIn(page, testInfo);
  const reference = await submitConnection(page, testInfo, company);
  const requestPage = page.url();
  const businessId = requestPage.match(/entreprises\/([^/]+)\//)?.[1] ?? '';
  expect(businessId).not.toBe('');

  // The agent takes the case and asks for a document.
  const agent = await agentPage(browser, testInfo);
  await openCase(agent, testInfo, reference, company);
  await expect(agent.getByTestId('status')).toHaveText('Envoyée');
  await click(agent, testInfo, 'Prendre en charge');
  await expect(agent.getByTestId('status')).toHaveText("En cours d'examen");
  await click(agent, testInfo, 'Envoyer la question');
  await expect(errorSummary(agent)).toContainText('Écrivez votre question au demandeur');
  await expect(agent).toHaveTitle(/^Erreur : /);
  await agent.getByLabel('Votre question au demandeur').fill('Merci d’ajouter le plan du premier étage.');
  await click(agent, testInfo, 'Envoyer la question');
  await expect(agent.getByTestId('status')).toHaveText('Complément demandé');
  await expect(agent.getByTestId('case-waiting')).toBeVisible();
  if (usesJavaScript(testInfo)) await expectNoViolations(agent);

  // The applicant finds the question through the eSpace's messages and answers with a file.
  await open(page, `/espace/entreprises/${businessId}`, testInfo);
  await expect(page.getByTestId('inbox-link')).toContainText('2 non lus');
  await page.getByTestId('inbox-link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Messages' })).toBeVisible();
  await expect(page.getByTestId('inbox')).toContainText('plan du premier étage');
  await page.getByRole('link', { name: 'La Police vous demande des informations.' }).click();
  await expect(page.getByTestId('question')).toHaveText('Merci d’ajouter le plan du premier étage.');
  if (usesJavaScript(testInfo)) {
    await waitForHydration(page);
    await expectNoViolations(page);
  }
  await click(page, testInfo, 'Envoyer la réponse');
  await expect(errorSummary(page)).toContainText('Écrivez une réponse ou ajoutez un fichier');
  await expect(page).toHaveTitle(/^Erreur : /);
  await page.getByLabel('Votre réponse').fill('Voici le plan du premier étage.');
  await page.getByLabel('Type de document').selectOption({ label: 'Plan du bâtiment (obligatoire)' });
  await page.getByLabel('Fichier (facultatif)').setInputFiles({ name: 'etage.png', mimeType: 'image/png', buffer: PNG });
  await click(page, testInfo, 'Envoyer la réponse');
  await expect(page.getByTestId('status')).toHaveText("En cours d'examen");
  await expect(page.getByTestId('exchange')).toContainText('Voici le plan du premier étage.');

  // The agent sees the answer and the file, and approves.
  await open(agent, agent.url(), testInfo);
  await expect(agent.getByTestId('exchange')).toContainText('Voici le plan du premier étage.');
  await expect(agent.getByTestId('case-documents')).toContainText('etage.png');
  await click(agent, testInfo, 'Approuver');
  await expect(agent.getByTestId('status')).toHaveText('Approuvée');
  await expect(agent.getByTestId('history')).toContainText('Demande approuvée');
  await expect(agent.getByTestId('history')).toContainText('Dossier pris en charge');
  await agent.context().close();

  // The applicant sees the client number, the next steps and the message.
  await open(page, requestPage, testInfo);
  await expect(page.getByTestId('status')).toHaveText('Approuvée');
  await expect(page.getByTestId('client-number')).toHaveText(/^AL-7\d{5}$/);
  const clientNumber = (await page.getByTestId('client-number').textContent()) ?? '';
  await expect(page.getByText(/communiquez ce numéro de client à POST Luxembourg/)).toBeVisible();
  await open(page, `/espace/entreprises/${businessId}/messages`, testInfo);
  await expect(page.getByTestId('inbox')).toContainText('Votre demande est approuvée.');
  await expect(page.getByTestId('inbox-client-number')).toHaveText(clientNumber);

  // Three mails reached the SMTP server for this eSpace: taken, question, approval; each only a link.
  await expect.poll(async () => (await mailsHolding(businessId)).length).toBe(3);
  for (const mail of await mailsHolding(businessId)) {
    expect(mail).toContain(`/espace/entreprises/${businessId}/messages`);
    expect(mail).not.toContain(company);
    expect(mail).not.toContain(reference);
  }
});

test('a refusal reaches the applicant with its reason', async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  const company = `Garage Weber ${testInfo.project.name}`;
  await signIn(page, testInfo, 'Luc Weber');
  const reference = await submitConnection(page, testInfo, company);
  const requestPage = page.url();

  const agent = await agentPage(browser, testInfo);
  await openCase(agent, testInfo, reference, company);
  await click(agent, testInfo, 'Prendre en charge');
  await click(agent, testInfo, 'Refuser');
  await expect(errorSummary(agent)).toContainText('Indiquez le motif du refus');
  await agent.getByLabel('Motif du refus').fill('Le site est déjà raccordé sous un autre numéro de client.');
  await click(agent, testInfo, 'Refuser');
  await expect(agent.getByTestId('status')).toHaveText('Refusée');
  await agent.context().close();

  await open(page, requestPage, testInfo);
  await expect(page.getByTestId('status')).toHaveText('Refusée');
  await expect(page.getByTestId('refusal-reason')).toContainText('déjà raccordé sous un autre numéro');
  await expect(page.getByTestId('client-number')).toHaveCount(0);
  await expect(page.getByTestId('exchange')).toContainText('Votre demande est refusée.');
});
