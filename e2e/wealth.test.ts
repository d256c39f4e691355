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
const DELIVERIES = 'Livraisons mutualisées vers le Diois';
const ORGANIC_GOAL = '320 ha de blé bio dans la vallée';
const REASON = 'Le camion roule au bioGNV de la station de Crest : impact accepté par le comité.';
const PLEDGE = 'Moudre à façon le blé bio des nouveaux convertis de la vallée.';

describe.skipIf(!hasChromium)('wealth-creation journeys', () => {
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
  const openHarms = (page: Page) => page.getByTestId('initiative-harms').getByTestId('open-harms');

  /** A partner commits its own actor to an adopted goal nobody acted on. */
  async function partnerCommits() {
    const page = await browser.newPage();
    await openChain(page, DEMO.miller);
    await nav(page).getByRole('link', { name: 'Objectifs partagés', exact: true }).click();
    const card = page.getByTestId('goal-card').filter({ hasText: ORGANIC_GOAL });
    await card.getByTestId('goal-uncommitted').waitFor();
    // A partner reads the goals but does not edit them.
    expect(await page.getByRole('button', { name: 'Nouvel objectif' }).count()).toBe(0);
    await card.getByRole('link', { name: ORGANIC_GOAL }).click();
    await page.getByRole('heading', { name: ORGANIC_GOAL }).waitFor();
    await page.getByTestId('goal-chart').locator('svg').first().waitFor();
    await page.getByTestId('commitments-empty').waitFor();

    await page.getByRole('button', { name: 'Ajouter un engagement' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvel engagement' });
    // The partner commits for its own actor: it is named, not chosen.
    await dialog.getByText('Moulin de la Sye').waitFor();
    expect(await dialog.getByRole('combobox', { name: /Acteur/ }).count()).toBe(0);
    await dialog.getByLabel('Ce que l’acteur fera').fill(PLEDGE);
    await dialog.getByLabel('Échéance').fill('2027-03-31');
    await dialog.getByRole('button', { name: 'Ajouter l’engagement' }).click();
    await dialog.waitFor({ state: 'detached' });
    const list = page.getByTestId('commitments');
    await expect.poll(() => list.textContent()).toContain(PLEDGE);
    expect(await list.textContent()).toContain('Moulin de la Sye');
    await screenshot(page, 'wealth-goal-commitment');

    // The goal is no longer flagged on the goals page.
    await page.getByRole('link', { name: 'Tous les objectifs' }).click();
    const after = page.getByTestId('goal-card').filter({ hasText: ORGANIC_GOAL });
    await after.getByText('Moulin de la Sye').waitFor();
    expect(await after.getByTestId('goal-uncommitted').count()).toBe(0);
    await page.close();
  }

  it('flags a harm in the wealth matrix, accepts another, reads the overview, and lets a partner commit to a goal', async () => {
    // The coordinator edits the wealth matrix of an initiative.
    const page = await browser.newPage();
    await openChain(page, DEMO.coordinator);
    await nav(page).getByRole('link', { name: 'Initiatives', exact: true }).click();
    await page.getByRole('link', { name: DELIVERIES }).click();
    await page.getByRole('heading', { name: DELIVERIES }).waitFor();

    // The demo initiative harms the Living capital, with no reason accepted.
    await expect.poll(() => openHarms(page).textContent()).toContain('Nuit au capital Vivant');
    expect(await page.getByTestId('matrix-row-living').getAttribute('data-negative')).toBe('true');

    // −1 on Spirituel, by keyboard-accessible radios named after the capital.
    const spiritual = page.getByRole('radiogroup', { name: 'Effet sur Spirituel' });
    await spiritual.getByText('−1', { exact: true }).click();
    expect(await spiritual.getByRole('radio', { name: '−1' }).isChecked()).toBe(true);
    expect(await page.getByTestId('matrix-row-spiritual').getAttribute('data-negative')).toBe('true');
    await page.getByLabel('Note sur Spirituel').fill('Moins de temps pour la fête du pain du Diois');
    await page.getByRole('button', { name: 'Enregistrer la matrice' }).click();
    // The server now counts a second open harm.
    await expect.poll(() => openHarms(page).textContent()).toContain('Nuit au capital Spirituel');
    expect(await openHarms(page).getByTestId('harm-badge').count()).toBe(2);

    // Accepting the Living harm with a reason takes it off the open harms, and shows the reason.
    await page.getByLabel('Vivant : accepter avec une raison').fill(REASON);
    await page.getByRole('button', { name: 'Enregistrer la matrice' }).click();
    await expect.poll(() => openHarms(page).textContent()).not.toContain('Vivant');
    expect(await openHarms(page).textContent()).toContain('Spirituel');
    await expect
      .poll(() => page.getByTestId('initiative-harms').getByTestId('accepted-harms').textContent())
      .toContain(REASON);
    await screenshot(page, 'wealth-initiative-matrix');

    // The overview: the harms left, the goals' progress, the capital radar with its table.
    await nav(page).getByRole('link', { name: 'Vue d’ensemble', exact: true }).click();
    const harms = page.getByTestId('overview-harms');
    await expect.poll(() => harms.textContent()).toContain('Nuit au capital Spirituel');
    expect(await harms.textContent()).not.toContain('Vivant');
    await page.getByTestId('capital-radar').locator('svg').first().waitFor();
    expect(await page.getByTestId('capital-radar').getAttribute('aria-label')).toContain('Spirituel');
    // The demo's adopted goals (others may join them through consensus proposals).
    expect(await page.getByTestId('overview-goal').count()).toBeGreaterThanOrEqual(4);
    const bread = page.getByRole('progressbar', {
      name: 'Progression de « Du pain de la vallée dans toutes les cantines »',
    });
    expect(Number(await bread.getAttribute('aria-valuenow'))).toBeGreaterThan(50);
    await page.getByRole('button', { name: 'Afficher en tableau' }).click();
    const spiritualRow = page.getByTestId('capital-balance-table').getByRole('row', { name: /Spirituel/ });
    await expect.poll(() => spiritualRow.textContent()).toContain('−1');
    await screenshot(page, 'wealth-overview');
    await page.close();

    await partnerCommits();
  });
});
