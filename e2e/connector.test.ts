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

describe.skipIf(!hasChromium)('connector journeys', () => {
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

  it('introduces the top suggestion up to a formed relationship, moves a partner on the pipeline, reads notifications', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openChain(page, DEMO.coordinator);

    // Matchmaking: the best-ranked pair, offering actor first.
    await nav(page).getByRole('link', { name: 'Mises en relation', exact: true }).click();
    const top = page.getByTestId('suggestion-card').first();
    await top.waitFor();
    const from = (await top.getByRole('link').nth(0).textContent()) ?? '';
    const to = (await top.getByRole('link').nth(1).textContent()) ?? '';
    expect(from).not.toBe('');
    const suggestionsOfPair = page.getByRole('article', { name: `Suggestion : ${from} vers ${to}` });
    expect(await suggestionsOfPair.count()).toBeGreaterThan(0);
    await top.getByRole('button', { name: `Présenter ${from} à ${to}` }).click();

    const introduction = page.getByRole('article', { name: `Mise en relation : ${from} vers ${to}` });
    await introduction.waitFor();
    expect(await introduction.getByTestId('introduction-status').textContent()).toBe('Présentée');
    await screenshot(page, 'connector-introduced');

    // Followed to a relationship: the flow is created, then the introduction records it.
    await introduction.getByRole('button', { name: 'Relation nouée' }).click();
    const dialog = page.getByRole('dialog', { name: 'Relation nouée' });
    const product = dialog.getByRole('textbox', { name: /^Produit/ });
    expect(await product.inputValue()).not.toBe('');
    await dialog.getByRole('textbox', { name: 'Quantité' }).fill('5');
    await dialog.getByRole('textbox', { name: 'Unité' }).fill('t');
    await dialog.getByRole('button', { name: 'Créer le flux' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The pair is now linked: it is no longer suggested, and the introduction shows it formed.
    await expect.poll(() => suggestionsOfPair.count()).toBe(0);
    await page.getByText('Toutes', { exact: true }).click();
    await expect
      .poll(() => introduction.getByTestId('introduction-status').textContent())
      .toBe('Relation nouée');
    await introduction.getByRole('link', { name: 'Voir le flux créé' }).waitFor();
    await screenshot(page, 'connector-matchmaking');

    // Pipeline: a potential partner moved to "engaged" with the keyboard alternative.
    await nav(page).getByRole('link', { name: 'Pipeline des partenaires', exact: true }).click();
    const potential = page.getByTestId('pipeline-column-potential');
    const card = potential.getByTestId('pipeline-card').first();
    await card.waitFor();
    const actor = (await card.getByRole('link').textContent()) ?? '';
    const move = card.getByRole('button', { name: `Déplacer ${actor} vers Engagé` });
    await move.focus();
    await page.keyboard.press('Enter');
    const engaged = page.getByTestId('pipeline-column-engaged');
    await engaged.getByRole('link', { name: actor, exact: true }).waitFor();
    expect(await potential.getByRole('link', { name: actor, exact: true }).count()).toBe(0);
    const latest = page.getByTestId('pipeline-history').getByRole('listitem').first();
    await expect.poll(() => latest.textContent()).toContain(actor);
    expect(await latest.textContent()).toContain('Potentiel → Engagé');
    await screenshot(page, 'connector-pipeline');

    // The bell: the demo's follow-up reminder, marked read from the panel.
    const bell = page.getByRole('button', { name: /^Notifications \(1 non lue\)$/ });
    await bell.click();
    const panel = page.getByRole('dialog', { name: 'Notifications' });
    await panel.getByText('Relance à faire').waitFor();
    await screenshot(page, 'connector-notifications');
    await panel.getByRole('button', { name: 'Tout marquer comme lu' }).click();
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    await page.close();
  });
});
