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
const CAMPAIGN = 'Collecte du 3e trimestre 2026';
const MILL = 'Moulin de la Sye';

/** The focused input's whole value is selected (or it is empty), so typing replaces it. */
const wholeValueSelected = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return (
      !!el && (el.value.length === 0 || (el.selectionStart === 0 && el.selectionEnd === el.value.length))
    );
  });

describe.skipIf(!hasChromium)('data collection journey', () => {
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

  const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' });

  async function signIn(email: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('link', { name: CHAIN }).click();
    await page.waitForURL(/\/chains\/[0-9a-f-]{36}/);
    return page;
  }

  async function openCampaign(page: Page) {
    await nav(page).getByRole('link', { name: 'Campagnes de collecte', exact: true }).click();
    await page.getByRole('link', { name: CAMPAIGN }).click();
    await page.getByRole('heading', { name: CAMPAIGN }).waitFor();
  }

  const row = (page: Page, code: string) =>
    page.locator(`[data-testid="grid-row"][data-indicator="${code}"]`);
  const statuses = (page: Page, status: string) =>
    page.getByTestId('data-grid').locator(`[data-testid="grid-status"][data-status="${status}"]`).count();

  it('a partner fills its grid, the coordinator approves it and reads the dashboard, the values lock', async () => {
    // The miller fills its grid for the quarter: one row per indicator it reports.
    const partner = await signIn(DEMO.miller);
    await openCampaign(partner);
    await partner.getByRole('heading', { name: `Vos valeurs pour « ${MILL} »` }).waitFor();
    expect(await partner.getByTestId('grid-row').count()).toBe(3);

    const revenue = partner.getByRole('textbox', { name: 'Valeur de « Chiffre d’affaires » en €' });
    // Select-on-focus runs after the focus: wait for it, then type over the whole value.
    // Focus by keyboard, as a mouse-up after the focus may collapse the selection to a caret; and
    // only once the grid shows the value already sent, or typing would land in front of it.
    await expect.poll(() => revenue.inputValue(), { timeout: 10_000 }).not.toBe('');
    await revenue.focus();
    await expect.poll(() => wholeValueSelected(partner)).toBe(true);
    await partner.keyboard.type('45200');
    await expect.poll(() => revenue.inputValue()).toMatch(/^45\s?200$/);
    // Enter moves down to the next row's value.
    await revenue.press('Enter');
    const focused = await partner.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(focused).toBe('Valeur de « Chiffre d’affaires réalisé avec des acteurs de la vallée » en €');
    // The value is selected on focus, so typing replaces it (wait for the selection under load).
    await expect.poll(() => wholeValueSelected(partner)).toBe(true);
    await partner.keyboard.type('40100');
    await row(partner, 'EMPLOIS').getByTestId('grid-value').fill('2,5');
    await row(partner, 'EMPLOIS').getByRole('textbox', { name: 'Note sur « Emplois »' }).fill('Un apprenti');

    await partner.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect.poll(() => statuses(partner, 'draft'), { timeout: 10_000 }).toBe(3);
    expect(
      await partner
        .getByRole('textbox', {
          name: 'Valeur de « Chiffre d’affaires réalisé avec des acteurs de la vallée » en €',
        })
        .inputValue(),
    ).toMatch(/^40\s?100$/);
    await screenshot(partner, 'data-collection-draft');

    await partner.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await expect.poll(() => statuses(partner, 'submitted'), { timeout: 10_000 }).toBe(3);
    await expect
      .poll(() => partner.getByTestId('my-progress').textContent())
      .toContain('3 valeur(s) envoyée(s) sur 3');

    // The coordinator sees the mill's line complete and approves it.
    const coordinator = await signIn(DEMO.coordinator);
    await openCampaign(coordinator);
    const millRow = coordinator.locator(`[data-testid="completion-row"][data-actor="${MILL}"]`);
    await millRow.getByTestId('complete-badge').waitFor();
    expect(await millRow.textContent()).toContain('3 / 3');
    // Three respondents had sent nothing by the due date: they stand out.
    expect(await coordinator.locator('[data-testid="completion-row"][data-late="true"]').count()).toBe(3);
    await screenshot(coordinator, 'data-collection-completion');
    await millRow.getByRole('button', { name: `Approuver les valeurs envoyées par ${MILL}` }).click();
    await expect
      .poll(async () => (await millRow.getByRole('progressbar').nth(1).getAttribute('aria-valuenow')) ?? '')
      .toBe('100');

    // The indicator dashboard: a chart and, beside it, the same figures in a table.
    await nav(coordinator).getByRole('link', { name: 'Indicateurs', exact: true }).click();
    await coordinator.getByRole('link', { name: 'Blé de la vallée moulu' }).click();
    await coordinator.getByRole('heading', { name: 'Blé de la vallée moulu' }).waitFor();
    const chart = coordinator.getByTestId('indicator-chart');
    await chart.locator('svg').first().waitFor();
    expect(await chart.getAttribute('aria-label')).toContain('Blé de la vallée moulu');
    const table = coordinator.getByTestId('series-table');
    await table.getByRole('rowheader', { name: 'T3 2026' }).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(8);
    await screenshot(coordinator, 'data-collection-dashboard');

    // Back on the partner's side: the approved values are locked.
    await partner.reload();
    await expect.poll(() => statuses(partner, 'approved'), { timeout: 10_000 }).toBe(3);
    expect(await revenue.getAttribute('readonly')).not.toBeNull();
    expect(await revenue.inputValue()).toMatch(/^45\s?200$/);
    await partner.getByTestId('grid-all-approved').waitFor();
    await screenshot(partner, 'data-collection-locked');

    await partner.close();
    await coordinator.close();
  });
});
