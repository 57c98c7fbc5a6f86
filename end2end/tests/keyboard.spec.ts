import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { createBusiness, open, signIn, usesJavaScript, waitForHydration } from './helpers';
import { PDF, PNG, expectStep } from './wizard-steps';

test('the check can be completed with the keyboard only', async ({ page }, testInfo) => {
  await open(page, '/', testInfo);
  // Start from the first checkbox's place in the tab order, as someone tabbing down the page.
  await page.getByLabel('Alarme intrusion (passive)').focus();
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Alarme intrusion (passive)')).toBeChecked();
  await page.keyboard.press('Tab'); // push-button
  await page.keyboard.press('Tab'); // fire
  await page.keyboard.press('Tab'); // first radio of the group
  await expect(page.getByLabel("Oui, j'ai déjà un numéro de client ALARMIS")).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Non, pas encore')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Code postal du site à protéger')).toBeFocused();
  await page.keyboard.type('L-2540');
  await page.keyboard.press('Enter');
  const result = page.locator('#check-result');
  await expect(result.locator('h3')).toHaveText('Votre démarche : demande initiale de raccordement');
  await expect(result).toBeFocused();
});

test('changing language on an answer keeps the answers', async ({ page }, testInfo) => {
  await open(page, '/?check=1&panic_button=on&client_status=existing&postcode=L-1009', testInfo);
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('#check-result h3')).toHaveText('Your procedure: certification of your business eSpace');
  await expect(page.getByLabel('Push-button (active)')).toBeChecked();
  await expect(page.getByLabel('Postcode of the site to protect')).toHaveValue('L-1009');
});

/** Presses Tab until `target` has the focus, as someone moving down the page would; fails
 *  when it cannot be reached that way. */
async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

async function press(page: Page, target: Locator, key = 'Enter') {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

/** A radio button chosen with the arrow keys, from the group's first one. */
async function chooseRadio(page: Page, first: Locator, wanted: Locator) {
  await tabTo(page, first);
  for (let moves = 0; moves < 6 && !(await wanted.isChecked()); moves++) {
    await page.keyboard.press(moves === 0 ? 'Space' : 'ArrowDown');
  }
  await expect(wanted).toBeChecked();
}

async function continueWith(page: Page, testInfo: TestInfo, title: string) {
  await press(page, page.getByRole('button', { name: 'Enregistrer et continuer' }));
  await expectStep(page, title);
  if (usesJavaScript(testInfo)) await waitForHydration(page);
}

async function uploadByKeyboard(page: Page, kind: string, name: string, buffer: Buffer, mimeType: string) {
  await tabTo(page, page.getByLabel('Type de document'));
  await page.keyboard.type(kind);
  await expect(page.getByLabel('Type de document')).toHaveValue(/.+/);
  const choosing = page.waitForEvent('filechooser');
  await press(page, page.getByLabel('Fichier', { exact: true }), 'Space');
  await (await choosing).setFiles({ name, mimeType, buffer });
  await press(page, page.getByRole('button', { name: 'Téléverser le fichier' }));
  await expect(page.getByTestId('documents')).toContainText(name);
}

test('the whole connection request can be completed with the keyboard only', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await signIn(page, testInfo);
  await createBusiness(page, testInfo, `Bijouterie Clavier ${testInfo.project.name}`);
  await press(page, page.getByRole('button', { name: 'Commencer une demande de raccordement' }));
  await expectStep(page, 'Demandeur');
  if (usesJavaScript(testInfo)) await waitForHydration(page);

  await typeInto(page, page.getByLabel("Votre fonction dans l'entreprise"), 'Gérante');
  await typeInto(page, page.getByLabel('Votre numéro de téléphone'), '621 123 456');
  await continueWith(page, testInfo, 'Site protégé et propriétaire');

  await typeInto(page, page.getByLabel('Rue', { exact: true }), 'Grand-Rue');
  await typeInto(page, page.getByLabel('Numéro', { exact: true }), '12A');
  await typeInto(page, page.getByLabel('Code postal'), '1660');
  await typeInto(page, page.getByLabel('Localité'), 'Luxembourg');
  await typeInto(page, page.getByLabel('Type de locaux'), 'Bijouterie');
  await expect(page.getByLabel('Type de locaux')).toHaveValue('jeweller');
  await typeInto(page, page.getByLabel('Nom, ou nom de la société'), 'Immobilière du Centre SA');
  await typeInto(page, page.getByLabel('Domicile ou siège social'), '3, rue du Fort, L-2419 Luxembourg');
  await continueWith(page, testInfo, "Système d'alarme");

  await press(page, page.getByLabel(/Alarme anti-intrusion/), 'Space');
  await expect(page.getByLabel(/Alarme anti-intrusion/)).toBeChecked();
  await typeInto(page, page.getByLabel("Nom de l'entreprise d'installation"), 'Sécurité Moselle SARL');
  const trades = page.getByRole('group', { name: /métier/i }).getByRole('radio');
  await chooseRadio(page, trades.first(), page.getByLabel("Installateur de systèmes d'alarme et de sécurité"));
  await typeInto(page, page.getByLabel("Numéro de l'autorisation d'établissement"), '10012345/1');
  // A date field takes its parts in the order of the browser's own language (not the page's,
  // nor Playwright's emulated one): day and month alike make the test hold in either order.
  await typeInto(page, page.getByLabel('Date du certificat de conformité'), '10102026');
  await expect(page.getByLabel('Date du certificat de conformité')).toHaveValue('2026-10-10');
  const post = page.getByRole('group', { name: /Avez-vous demandé à POST/ });
  await chooseRadio(page, post.getByRole('radio').first(), post.getByLabel('Oui'));
  await typeInto(page, page.getByLabel('Référence de POST pour votre demande'), 'POST-ALM-4471');
  await continueWith(page, testInfo, 'Personnes de contact');

  for (const [n, family, given] of [[1, 'Schmit', 'Anne'], [2, 'Weber', 'Paul']] as const) {
    const person = page.getByRole('group', { name: `Personne de contact ${n}`, exact: true });
    await typeInto(page, person.getByLabel('Nom', { exact: true }), family);
    await typeInto(page, person.getByLabel('Prénom', { exact: true }), given);
    await typeInto(page, person.getByLabel('Domicile', { exact: true }), '5, rue Large, L-1917 Luxembourg');
    await typeInto(page, person.getByLabel('Numéro de téléphone'), `+352 691 000 11${n}`);
    await press(page, person.getByLabel(/Cette personne accepte/), 'Space');
  }
  await continueWith(page, testInfo, 'Motivation');

  await typeInto(page, page.getByLabel('Pourquoi cette alarme doit-elle être raccordée à la Police ?'), 'Bijouterie exposée.');
  await continueWith(page, testInfo, 'Pièces justificatives');

  await uploadByKeyboard(page, 'Plan', 'plan.pdf', PDF, 'application/pdf');
  await uploadByKeyboard(page, 'Certificat', 'certificat.png', PNG, 'image/png');
  await continueWith(page, testInfo, 'Obligations');

  for (const obligation of [/entretenu chaque année/, /livret d'exploitation/, /inspecter sur place/, /test de transmission/, /tout changement/, /personnel est formé/, /fausses alertes/]) {
    await press(page, page.getByLabel(obligation), 'Space');
    await expect(page.getByLabel(obligation)).toBeChecked();
  }
  await continueWith(page, testInfo, 'Vérifiez vos réponses');

  await press(page, page.getByRole('button', { name: 'Envoyer la demande' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Demande envoyée' })).toBeVisible();
  await expect(page.getByTestId('reference')).toHaveText(/^ALR-\d{4}-\d{6}$/);
});
