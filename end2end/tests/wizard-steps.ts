import { expect, type Page, type TestInfo } from '@playwright/test';
import { createBusiness, signIn, usesJavaScript, waitForHydration } from './helpers';

// The connection request wizard's steps as a person fills them in: shared by the wizard's own
// tests and the back office's, which need a submitted request to work on.

// A tiny but real PDF and PNG: the server checks files by their first bytes.
export const PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108020000009077', 'hex');
export const EXE = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), Buffer.alloc(64)]);

export async function next(page: Page, testInfo: TestInfo) {
  await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
  if (usesJavaScript(testInfo)) await waitForHydration(page);
}

export async function expectStep(page: Page, title: string) {
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

export async function startRequest(page: Page, testInfo: TestInfo) {
  await signIn(page, testInfo);
  await createBusiness(page, testInfo);
  await page.getByRole('button', { name: 'Commencer une demande de raccordement' }).click();
  await expectStep(page, 'Demandeur');
  if (usesJavaScript(testInfo)) await waitForHydration(page);
}

export async function fillApplicant(page: Page) {
  await page.getByLabel("Votre fonction dans l'entreprise").fill('Gérante');
  await page.getByLabel('Votre numéro de téléphone').fill('621 123 456');
}

export async function fillSite(page: Page) {
  await page.getByLabel('Rue', { exact: true }).fill('Grand-Rue');
  await page.getByLabel('Numéro', { exact: true }).fill('12A');
  await page.getByLabel('Code postal').fill('1660');
  await page.getByLabel('Localité').fill('Luxembourg');
  await page.getByLabel('Type de locaux').selectOption({ label: 'Bijouterie ou horlogerie' });
  await page.getByLabel('Nom, ou nom de la société').fill('Immobilière du Centre SA');
  await page.getByLabel('Domicile ou siège social').fill('3, rue du Fort, L-2419 Luxembourg');
}

export async function fillSystem(page: Page) {
  await page.getByLabel(/Alarme anti-intrusion/).check();
  await page.getByLabel("Nom de l'entreprise d'installation").fill('Sécurité Moselle SARL');
  await page.getByLabel('Installateur de systèmes d\'alarme et de sécurité').check();
  await page.getByLabel("Numéro de l'autorisation d'établissement").fill('10012345/1');
  await page.getByLabel('Date du certificat de conformité').fill('2026-10-01');
  await page.getByRole('group', { name: /Avez-vous demandé à POST/ }).getByLabel('Oui').check();
  await page.getByLabel('Référence de POST pour votre demande').fill('POST-ALM-4471');
}

export async function fillContact(page: Page, n: number, family: string, given: string) {
  const person = page.getByRole('group', { name: `Personne de contact ${n}`, exact: true });
  await person.getByLabel('Nom', { exact: true }).fill(family);
  await person.getByLabel('Prénom', { exact: true }).fill(given);
  await person.getByLabel('Domicile', { exact: true }).fill('5, rue Large, L-1917 Luxembourg');
  await person.getByLabel('Numéro de téléphone').fill(`+352 691 000 11${n}`);
  await person.getByLabel(/Cette personne accepte/).check();
}

export async function upload(page: Page, testInfo: TestInfo, kind: string, name: string, buffer: Buffer, mimeType = 'application/pdf') {
  await page.getByLabel('Type de document').selectOption({ label: kind });
  await page.getByLabel('Fichier', { exact: true }).setInputFiles({ name, mimeType, buffer });
  await page.getByRole('button', { name: 'Téléverser le fichier' }).click();
  if (usesJavaScript(testInfo)) await waitForHydration(page);
}

/** Fills every step of a connection request in an eSpace of its own and submits it; ends on
 *  the request's page and returns the reference. */
export async function submitConnection(page: Page, testInfo: TestInfo, company: string) {
  await createBusiness(page, testInfo, company);
  await page.getByRole('button', { name: 'Commencer une demande de raccordement' }).click();
  await expectStep(page, 'Demandeur');
  if (usesJavaScript(testInfo)) await waitForHydration(page);
  await fillApplicant(page);
  await next(page, testInfo);
  await fillSite(page);
  await next(page, testInfo);
  await fillSystem(page);
  await next(page, testInfo);
  await fillContact(page, 1, 'Schmit', 'Anne');
  await fillContact(page, 2, 'Weber', 'Paul');
  await next(page, testInfo);
  await page.getByLabel('Pourquoi cette alarme doit-elle être raccordée à la Police ?').fill('Bijouterie exposée.');
  await next(page, testInfo);
  await upload(page, testInfo, 'Plan du bâtiment (obligatoire)', 'plan.pdf', PDF);
  await upload(page, testInfo, 'Certificat de conformité (obligatoire)', 'certificat.png', PNG, 'image/png');
  await next(page, testInfo);
  for (const obligation of [/entretenu chaque année/, /livret d'exploitation/, /inspecter sur place/, /test de transmission/, /tout changement/, /personnel est formé/, /fausses alertes/]) {
    await page.getByLabel(obligation).check();
  }
  await next(page, testInfo);
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Demande envoyée' })).toBeVisible();
  if (usesJavaScript(testInfo)) await waitForHydration(page);
  return (await page.getByTestId('reference').textContent())?.trim() ?? '';
}
