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
const STAGE = 'Semences paysannes';
const SEED_HOUSE = 'Maison des semences du Diois';
const SEED_COLLECTIVE = 'Collectif Grains de Pays';

describe.skipIf(!hasChromium)('meta vision journeys', () => {
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

  async function addActor(page: Page, name: string, selfInterest: string) {
    await page.getByRole('button', { name: 'Ajouter un acteur' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Nouvel acteur' });
    await dialog.getByRole('textbox', { name: /^Nom/ }).fill(name);
    await dialog.getByRole('combobox', { name: 'Maillons' }).click();
    await page.getByRole('option', { name: STAGE }).click();
    await dialog.getByRole('combobox', { name: 'Statut d’engagement' }).click();
    await page.getByRole('option', { name: 'Engagé' }).click();
    await dialog.getByLabel('Intérêt propre', { exact: true }).fill(selfInterest);
    await dialog.getByLabel('Commune').fill('Die');
    await dialog.getByRole('button', { name: 'Ajouter l’acteur' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  it('lets a coordinator add a stage and two actors, read their gaps and dismiss one', async () => {
    const page = await browser.newPage();
    await openChain(page, DEMO.coordinator);
    // The chain's home leads to the overview.
    await page.getByTestId('home-overview').waitFor();
    await nav(page).getByRole('link', { name: 'Vue d’ensemble', exact: true }).click();
    await page.getByTestId('overview-stage-counts').getByText('Meunerie').waitFor();
    await screenshot(page, 'meta-overview');

    await nav(page).getByRole('link', { name: 'Maillons', exact: true }).click();
    await page.getByRole('button', { name: 'Ajouter un maillon' }).click();
    const stageDialog = page.getByRole('dialog', { name: 'Nouveau maillon' });
    await stageDialog.getByLabel('Nom du maillon').fill(STAGE);
    await stageDialog.getByRole('button', { name: 'Ajouter le maillon' }).click();
    await page.getByTestId('stages-list').getByText(STAGE).waitFor();
    await screenshot(page, 'meta-stages');

    await nav(page).getByRole('link', { name: 'Acteurs', exact: true }).click();
    await page.getByTestId('actors-table').waitFor();
    await addActor(page, SEED_HOUSE, 'Multiplier les blés population et les rendre aux paysans.');
    await addActor(page, SEED_COLLECTIVE, 'Échanger des semences adaptées à la sécheresse.');
    const table = page.getByTestId('actors-table');
    await table.getByRole('link', { name: SEED_HOUSE }).waitFor();
    await table.getByRole('link', { name: SEED_COLLECTIVE }).waitFor();
    // Filtering on the new stage leaves exactly the two new actors.
    await page.getByRole('combobox', { name: 'Maillon', exact: true }).click();
    await page.getByRole('option', { name: STAGE }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    await screenshot(page, 'meta-actors');

    await table.getByRole('link', { name: SEED_HOUSE }).click();
    await page.getByRole('heading', { name: SEED_HOUSE, level: 1 }).waitFor();
    expect(await page.getByTestId('actor-self-interest').textContent()).toContain('blés population');
    // An engaged actor with no flow at all is isolated: the profile says so.
    await page.getByText('Acteurs isolés').first().waitFor();
    await screenshot(page, 'meta-actor-profile');

    await nav(page).getByRole('link', { name: 'Lacunes', exact: true }).click();
    const isolated = page.getByTestId('gap-group-isolated_actor');
    await isolated.getByText('Un acteur engagé ou impliqué qui n’a aucun flux actif').waitFor();
    const card = isolated.getByTestId('gap-card').filter({ hasText: SEED_COLLECTIVE });
    expect(await card.getByTestId('gap-explanation').textContent()).toContain(SEED_COLLECTIVE);
    await screenshot(page, 'meta-gaps');

    await card.getByRole('button', { name: 'Écarter' }).click();
    const dismissDialog = page.getByRole('dialog', { name: 'Écarter cette lacune' });
    // The reason is required.
    await dismissDialog.getByRole('button', { name: 'Écarter la lacune' }).click();
    await dismissDialog.getByText('Champ obligatoire').waitFor();
    await dismissDialog.getByLabel('Raison').fill('Le collectif échange hors marché, sans flux à décrire.');
    await dismissDialog.getByRole('button', { name: 'Écarter la lacune' }).click();
    await dismissDialog.waitFor({ state: 'detached' });
    await expect.poll(() => card.count()).toBe(0);

    await page.getByRole('switch', { name: 'Afficher les lacunes écartées' }).check();
    const dismissed = isolated.getByTestId('gap-card').filter({ hasText: SEED_COLLECTIVE });
    await dismissed.getByText('Écartée', { exact: true }).waitFor();
    expect(await dismissed.textContent()).toContain('sans flux à décrire');
    await screenshot(page, 'meta-gaps-dismissed');
    await page.close();
  });

  it('lets a partner edit its own actor and add an offer, and nothing else', async () => {
    const page = await browser.newPage();
    await openChain(page, DEMO.miller);
    await nav(page).getByRole('link', { name: 'Acteurs', exact: true }).click();
    await page.getByTestId('actors-table').getByRole('link', { name: 'Moulin de la Sye' }).click();
    await page.getByRole('heading', { name: 'Moulin de la Sye', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Modifier l’acteur' }).click();
    const dialog = page.getByRole('dialog', { name: 'Modifier « Moulin de la Sye »' });
    // The engagement status is the coordinators' to move.
    expect(await dialog.getByRole('combobox', { name: 'Statut d’engagement' }).count()).toBe(0);
    await dialog
      .getByLabel('Intérêt propre', { exact: true })
      .fill('Moudre 300 t de blé paysan par an et embaucher un second meunier.');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('actor-self-interest').textContent()).toContain('300 t');

    await page.getByRole('button', { name: 'Ajouter une offre' }).click();
    const offer = page.getByRole('dialog', { name: 'Nouvelle offre ou nouveau besoin' });
    await offer.getByLabel('Ressource').fill('Son de blé');
    await offer.getByLabel('Quantité').fill('8');
    await offer.getByLabel('Unité').fill('t');
    await offer.getByRole('button', { name: 'Enregistrer' }).click();
    await offer.waitFor({ state: 'detached' });
    await page.getByTestId('intents-offer').getByText('Son de blé').waitFor();
    await screenshot(page, 'meta-partner-own-actor');

    await nav(page).getByRole('link', { name: 'Acteurs', exact: true }).click();
    await page.getByTestId('actors-table').getByRole('link', { name: 'Fournil de Die' }).click();
    await page.getByRole('heading', { name: 'Fournil de Die', level: 1 }).waitFor();
    await page.getByTestId('intents-offer').waitFor();
    expect(await page.getByRole('button', { name: 'Modifier l’acteur' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ajouter une offre' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Contacts' }).count()).toBe(0);
    await screenshot(page, 'meta-partner-other-actor');
    await page.close();
  });
});
