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
const DEMO_REPORT = 'ble-paysan-val-de-drome-2026';
const NOT_PUBLISHED = 'non publié (trop peu de contributeurs)';

describe.skipIf(!hasChromium)('sharing journey', () => {
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

  it('a coordinator composes and publishes a report, and the public reads it with its data', async () => {
    const page = await signIn(DEMO.coordinator);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Rapports', exact: true })
      .click();
    await page.getByRole('row').filter({ hasText: 'notre année 2026' }).waitFor();

    // A new report: the address follows the title.
    await page.getByRole('button', { name: 'Nouveau rapport' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Titre').fill('Bilan du printemps 2026');
    await expect.poll(() => dialog.getByLabel('Adresse (slug)').inputValue()).toBe('bilan-du-printemps-2026');
    await dialog.getByRole('button', { name: 'Créer le rapport' }).click();
    await page.getByTestId('report-builder').waitFor();

    // Compose: a text, an indicator chart, the map; then put the map first.
    const sections = page.getByTestId('report-section');
    const add = async (type: string) => {
      const before = await sections.count();
      const button = page.getByRole('button', { name: 'Ajouter une section' }).last();
      await button.click();
      // The item of the menu this button opened (a menu that has just closed stays in the page for
      // its exit transition, with the same items).
      await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
      const menu = page.locator(`[id="${await button.getAttribute('aria-controls')}"]`);
      await menu.getByRole('menuitem', { name: type, exact: true }).click();
      await expect.poll(() => sections.count(), { timeout: 10_000 }).toBe(before + 1);
    };
    await add('Texte');
    await page
      .getByLabel('Texte (Markdown)')
      .fill('## Un printemps de semis\n\nMerci à **tous** les partenaires !');
    await add('Indicateur');
    const indicatorSection = page.locator('[data-testid="report-section"][data-section-type="indicator"]');
    await indicatorSection.getByRole('combobox', { name: 'Indicateur' }).click();
    await page
      .getByRole('option', { name: 'Pain local servi en restauration collective (PAIN_CANTINES)' })
      .click();
    // A quarterly indicator starts at its own periodicity.
    expect(await indicatorSection.getByRole('combobox', { name: 'Périodicité' }).inputValue()).toBe(
      'Trimestre',
    );
    await add('Carte');
    await page.getByRole('button', { name: 'Monter la section 3 (Carte)' }).click();
    await page.getByRole('button', { name: 'Monter la section 2 (Carte)' }).click();
    await expect
      .poll(() => page.getByTestId('report-section').first().getAttribute('data-section-type'))
      .toBe('map');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Enregistrer' }).isDisabled()).toBe(true);
    await screenshot(page, 'reports-builder');

    // The preview shows what the public will see: the canteens' bread rests on one kitchen, so it is withheld.
    await page.getByRole('tab', { name: 'Aperçu' }).click();
    const preview = page.getByTestId('report-preview');
    await preview.getByRole('heading', { name: 'Un printemps de semis' }).waitFor();
    await expect.poll(() => preview.textContent()).toContain(NOT_PUBLISHED);

    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    await page.getByRole('button', { name: 'Dépublier', exact: true }).waitFor();
    await page.close();

    // The public: no sign-in.
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const reader = await context.newPage();
    await reader.goto(`${server.url}/r/bilan-du-printemps-2026`);
    await reader.getByRole('heading', { level: 1, name: 'Bilan du printemps 2026' }).waitFor();
    await reader.getByRole('heading', { name: 'Un printemps de semis' }).waitFor();
    expect(await reader.getByRole('table').filter({ hasText: NOT_PUBLISHED }).count()).toBeGreaterThan(0);
    const csv = await reader.request.get(
      `${server.url}/api/v1/public/reports/bilan-du-printemps-2026/data.csv`,
    );
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toContain('PAIN_CANTINES');
    // Every figure of the one-kitchen indicator is withheld: no value, no count.
    expect(text.split('\r\n').filter((l) => l.includes('PAIN_CANTINES') && !l.endsWith(',,true'))).toEqual(
      [],
    );
    const pdf = await reader.request.get(`${server.url}/api/v1/public/reports/bilan-du-printemps-2026.pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await context.close();
  });

  it('the demo report reads well on a phone, with its charts and download links', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/r/${DEMO_REPORT}`);
    await page
      .getByRole('heading', { level: 1, name: 'Blé paysan du Val de Drôme — notre année 2026' })
      .waitFor();
    await page.locator('[role="img"] svg, [role="img"] canvas').first().waitFor();
    expect(await page.getByRole('link', { name: /CSV/ }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: /PDF/ }).count()).toBeGreaterThan(0);
    // Nothing sticks out sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'reports-public-phone');
    await page.goto(`${server.url}/r/not-a-report`);
    await page.getByText('Rapport introuvable').waitFor();
    await context.close();
  });
});
