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

interface MapStats {
  firstRenderMs: number;
  nodes: number;
  edges: number;
  visibleEdges: number;
  at: string;
}

interface MapAnswer {
  actors: { id: string; role: string; lat: number | null; lon: number | null }[];
  flows: { id: string }[];
}

describe.skipIf(!hasChromium)('chain map journey', () => {
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

  async function signIn(page: Page) {
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Adresse e-mail').fill(DEMO.coordinator);
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('link', { name: 'Blé paysan du Val de Drôme' }).click();
    await page.waitForURL(/\/chains\/[0-9a-f-]{36}/);
  }

  const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' });
  const stats = (page: Page) =>
    page.evaluate(() => (window as { __tisserandMapStats?: MapStats }).__tisserandMapStats);
  const mapAnswer = (page: Page, chainId: string, at?: string) =>
    page.evaluate(
      async ({ id, date }) =>
        (await (await fetch(`/api/v1/chains/${id}/map${date ? `?at=${date}` : ''}`)).json()) as MapAnswer,
      { id: chainId, date: at },
    );

  it('draws the chain, filters it, finds an actor, goes back in time, then shows geography and product flows', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page);
    const chainId = /\/chains\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    const today = await mapAnswer(page, chainId);

    // The chain map: a WebGL canvas with every actor and flow of today.
    await nav(page).getByRole('link', { name: 'Carte de la chaîne', exact: true }).click();
    await page.waitForFunction(() => (window as { __tisserandMapStats?: unknown }).__tisserandMapStats);
    expect(await page.getByTestId('chain-map-canvas').locator('canvas').count()).toBeGreaterThan(0);
    const first = await stats(page);
    expect(first?.nodes).toBe(today.actors.length);
    expect(first?.edges).toBe(today.flows.length);
    await screenshot(page, 'chain-map');

    // Filter by role: without support actors, their flows go too.
    const supports = today.actors.filter((a) => a.role === 'support').length;
    expect(supports).toBeGreaterThan(0);
    await page.getByRole('group', { name: 'Rôles' }).getByText('Soutien', { exact: true }).click();
    await expect
      .poll(() => page.getByTestId('map-counts').textContent())
      .toContain(`${today.actors.length - supports} acteurs sur ${today.actors.length}`);
    expect((await stats(page))?.visibleEdges).toBeLessThan(today.flows.length);
    await page.getByRole('group', { name: 'Rôles' }).getByText('Soutien', { exact: true }).click();

    // Search: the mill is highlighted, centred, and its card opens.
    await page.getByRole('combobox', { name: 'Rechercher un acteur' }).fill('Moulin de la Sye');
    await page.getByRole('option', { name: 'Moulin de la Sye' }).click();
    const panel = page.getByTestId('actor-panel');
    await panel.getByRole('heading', { name: 'Moulin de la Sye' }).waitFor();
    expect(await panel.textContent()).toContain('Meunerie');
    expect(
      await panel.getByRole('link', { name: 'Ouvrir la fiche de l’acteur' }).getAttribute('href'),
    ).toMatch(new RegExp(`/chains/${chainId}/actors/[0-9a-f-]{36}$`));
    await screenshot(page, 'chain-map-search');

    // History: on 2021-06-01 fewer flows existed.
    await page.getByTestId('map-date').fill('2021-06-01');
    await page.waitForFunction(
      () => (window as { __tisserandMapStats?: MapStats }).__tisserandMapStats?.at === '2021-06-01',
    );
    const past = await stats(page);
    expect(past?.nodes).toBe(today.actors.length);
    expect(past?.edges).toBeLessThan(today.flows.length);
    expect(past?.edges).toBe((await mapAnswer(page, chainId, '2021-06-01')).flows.length);
    await page.getByTestId('table-toggle').click();
    await expect
      .poll(() => page.getByTestId('map-flows-table').locator('tbody tr').count())
      .toBe(past?.edges);
    await screenshot(page, 'chain-map-2021');

    // Geography: the actors with coordinates are on the map and in its table.
    await nav(page).getByRole('link', { name: 'Géographie', exact: true }).click();
    await page.locator('[data-testid="geo-map"][data-ready="true"]').waitFor();
    expect(await page.getByTestId('geo-map').locator('canvas').count()).toBeGreaterThan(0);
    await page.getByTestId('table-toggle').click();
    const located = today.actors.filter((a) => a.lat !== null && a.lon !== null).length;
    expect(located).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('geo-table').locator('tbody tr').count()).toBe(located);
    await screenshot(page, 'chain-map-geography');

    // Product flows: a Sankey drawing and its stage-to-stage table.
    await nav(page).getByRole('link', { name: 'Flux de produits', exact: true }).click();
    await page.getByTestId('sankey-chart').locator('svg').first().waitFor();
    await page.getByTestId('table-toggle').click();
    const rows = page.getByTestId('sankey-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const firstRow = await rows.first().locator('td').allTextContents();
    expect(firstRow.slice(0, 2)).toEqual(['Production', 'Meunerie']);
    expect(await page.getByTestId('sankey-weighting').textContent()).toContain('nombre de flux');
    await screenshot(page, 'chain-map-sankey');
    await page.close();
  });
});
