import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO,
  DEMO_PASSWORD,
  hasChromium,
  launchBrowser,
  type RunningServer,
  screenshot,
  startServer,
} from './support';

const CHAIN = 'Blé paysan du Val de Drôme';
const OPEN_PROPOSAL = 'Adopter l’indicateur « Fêtes du pain et portes ouvertes »';
const MILL = 'Moulin de la Sye';
const BAKERY = 'Boulangerie Au Pain de Crest';
const AGREEMENT = 'Accord de mouture à façon 2027';
const CONFLICT = 'Retards de paiement de la plateforme';

describe.skipIf(!hasChromium)('mediation journeys', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openChain(page: Page, email: string) {
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('link', { name: CHAIN }).click();
    await page.waitForURL(/\/chains\/[0-9a-f-]{36}$/);
  }

  const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' });

  it('takes a position, shows the spread, signs an agreement and keeps conflicts to their parties', async () => {
    // The miller's partner opens the open proposal: a block needs a reason, then it agrees.
    const miller = await browser.newPage();
    await openChain(miller, DEMO.miller);
    await nav(miller).getByRole('link', { name: 'Propositions', exact: true }).click();
    await miller.getByRole('link', { name: OPEN_PROPOSAL }).click();
    await miller.getByRole('heading', { name: OPEN_PROPOSAL }).waitFor();
    const proposalUrl = miller.url();
    const mine = miller.getByTestId('my-position-form');
    await mine.getByText('Bloquer', { exact: true }).click();
    await mine.getByRole('button', { name: 'Enregistrer ma position' }).click();
    await mine.getByText('Une raison est obligatoire pour être en désaccord ou bloquer.').waitFor();
    await screenshot(miller, 'mediation-block-without-reason');
    await mine.getByText('D’accord', { exact: true }).click();
    await mine.getByRole('button', { name: 'Enregistrer ma position' }).click();
    const current = miller.getByTestId('current-positions');
    await current.getByRole('listitem').filter({ hasText: MILL }).filter({ hasText: 'D’accord' }).waitFor();
    expect(await miller.getByText('Une raison est obligatoire').count()).toBe(0);

    // The coordinator sees the spread bar updated and who has not answered.
    const coordinator = await browser.newPage();
    await openChain(coordinator, DEMO.coordinator);
    await coordinator.goto(proposalUrl);
    await coordinator.getByTestId('spread-agree').getByText('D’accord : 3').waitFor();
    expect(await coordinator.getByTestId('spread-bar').getAttribute('aria-label')).toContain('3 d’accord');
    const missing = coordinator.getByTestId('missing-list');
    await missing.getByRole('link', { name: BAKERY }).waitFor();
    expect(await missing.getByRole('link', { name: MILL }).count()).toBe(0);
    expect(await coordinator.getByTestId('spread-sentence').textContent()).toContain('3 réponses sur 5');
    await screenshot(coordinator, 'mediation-spread');

    // The coordinator drafts an agreement between the mill and the bakery.
    await nav(coordinator).getByRole('link', { name: 'Accords', exact: true }).click();
    await coordinator.getByRole('button', { name: 'Nouvel accord' }).click();
    const dialog = coordinator.getByRole('dialog', { name: 'Nouvel accord' });
    await dialog.getByRole('textbox', { name: /^Titre/ }).fill(AGREEMENT);
    await dialog.getByRole('combobox', { name: /^Parties/ }).click();
    await coordinator.getByRole('option', { name: MILL }).click();
    await coordinator.getByRole('option', { name: BAKERY }).click();
    await dialog
      .getByRole('textbox', { name: /^Termes/ })
      .fill('Le moulin moud à façon **2 tonnes** par mois.');
    await dialog.getByRole('button', { name: 'Créer l’accord' }).click();
    await coordinator.getByRole('heading', { name: AGREEMENT, level: 1 }).waitFor();
    const agreementUrl = coordinator.url();
    expect(agreementUrl).toMatch(/\/agreements\/[0-9a-f-]{36}$/);
    // Markdown is rendered, not shown raw.
    await coordinator.getByTestId('agreement-terms').locator('strong', { hasText: '2 tonnes' }).waitFor();

    // The miller signs it for its own actor: the signature is bound to version 1.
    await miller.goto(agreementUrl);
    await miller.getByRole('button', { name: `Signer pour ${MILL}` }).click();
    const millSignature = miller.getByTestId('party-signature').filter({ hasText: MILL });
    await millSignature.getByText(/Signé le .*\(version 1\)/).waitFor();
    await miller
      .getByTestId('party-signature')
      .filter({ hasText: BAKERY })
      .getByText('N’a pas encore signé')
      .waitFor();
    expect(await miller.getByRole('button', { name: `Signer pour ${MILL}` }).count()).toBe(0);
    expect(await miller.getByTestId('agreement-status').textContent()).toBe('En négociation');
    await screenshot(miller, 'mediation-signed');
    await miller.close();

    // The bakery's partner sees the resolved conflict its actor is a party to, marked confidential.
    const baker = await browser.newPage();
    await openChain(baker, DEMO.baker);
    await nav(baker).getByRole('link', { name: 'Différends', exact: true }).click();
    await baker.getByTestId('confidential-notice').waitFor();
    await baker
      .getByTestId('conflict-card')
      .filter({ hasText: CONFLICT })
      .getByRole('link', { name: CONFLICT })
      .click();
    await baker.getByRole('heading', { name: CONFLICT, level: 1 }).waitFor();
    expect(await baker.getByTestId('conflict-status').textContent()).toBe('Résolu');
    await baker.getByText('Paiement à 30 jours inscrit dans la convention', { exact: false }).waitFor();
    // Mediation is the coordinators' work: no edit, no new session for a party.
    expect(await baker.getByRole('button', { name: 'Ajouter une séance' }).count()).toBe(0);
    await screenshot(baker, 'mediation-conflict-party');
    await baker.close();
    await coordinator.close();
  });
});
