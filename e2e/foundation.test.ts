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

const COORDINATOR_ONLY = 'Cette page est réservée aux coordinateurs de la chaîne.';

describe.skipIf(!hasChromium)('foundation journeys', () => {
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

  async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
  }

  const nav = (page: Page, name = 'Navigation principale') => page.getByRole('navigation', { name });

  it('signs in, refuses a wrong password, opens the demo chain and signs out', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.coordinator, 'not-the-password');
    await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toContain('incorrect');
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Blé paysan du Val de Drôme').first().waitFor();
    await screenshot(page, 'foundation-chains');
    await page.getByRole('link', { name: 'Blé paysan du Val de Drôme' }).click();
    await page.waitForURL(/\/chains\/[0-9a-f-]{36}/);
    await expect.poll(() => nav(page).getByRole('link', { name: 'Paramètres', exact: true }).count()).toBe(1);
    await page.getByRole('heading', { name: 'Blé paysan du Val de Drôme' }).first().waitFor();
    await screenshot(page, 'foundation-chain-home');

    await nav(page).getByRole('link', { name: 'Capitaux', exact: true }).click();
    await page.getByText('Vivant').first().waitFor();
    expect(await page.getByTestId('capital-card').count()).toBe(8);
    await screenshot(page, 'foundation-capitals');

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/sign-in/);
    // The session is gone on the server too.
    const status = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).status);
    expect(status).toBe(401);
    await page.close();
  });

  it('switches between chains with the chain switcher', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.coordinator);
    await page.getByText('Blé paysan du Val de Drôme').first().waitFor();
    // A second chain, made through the API with the page's own session.
    const created = await page.evaluate(async () => {
      const session = await (await fetch('/api/v1/auth/session')).json();
      const res = await fetch('/api/v1/chains', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ name: 'Laine du Vercors', region: 'Vercors' }),
      });
      return res.json();
    });
    await page.goto(`${server.url}/chains/${created.id}`);
    await page.getByRole('heading', { name: 'Laine du Vercors' }).first().waitFor();
    const switcher = page.getByRole('combobox', { name: 'Chaîne' });
    await switcher.click();
    await page.getByRole('option', { name: 'Blé paysan du Val de Drôme' }).click();
    await page.getByRole('heading', { name: 'Blé paysan du Val de Drôme' }).first().waitFor();
    expect(page.url()).not.toContain(created.id);
    await screenshot(page, 'foundation-switched');
    await page.close();
  });

  it('changes the language to English and keeps it after a reload', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.observer);
    await page.getByRole('link', { name: 'Blé paysan du Val de Drôme' }).click();
    await nav(page).getByRole('link', { name: 'Accueil', exact: true }).waitFor();
    await page.getByRole('radiogroup', { name: 'Langue' }).getByText('EN', { exact: true }).click();
    await nav(page, 'Main navigation').getByRole('link', { name: 'Home', exact: true }).waitFor();
    await nav(page, 'Main navigation').getByRole('link', { name: 'Capitals', exact: true }).click();
    await page.getByText('Living').first().waitFor();
    await page.reload();
    await page.getByText('Living').first().waitFor();
    expect(
      await nav(page, 'Main navigation').getByRole('link', { name: 'Capitals', exact: true }).count(),
    ).toBe(1);
    expect(
      await nav(page, 'Main navigation').getByRole('link', { name: 'Settings', exact: true }).count(),
    ).toBe(0);
    await screenshot(page, 'foundation-english');
    await page.close();
  });

  it('shows a partner no settings, and answers a direct visit with a refusal', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.miller);
    await page.getByRole('link', { name: 'Blé paysan du Val de Drôme' }).click();
    await nav(page).getByRole('link', { name: 'Accueil', exact: true }).waitFor();
    expect(await nav(page).getByRole('link', { name: 'Paramètres', exact: true }).count()).toBe(0);
    expect(await page.getByTestId('my-role').textContent()).toMatch(/partenaire/i);
    await page.goto(`${page.url().replace(/\/$/, '')}/settings`);
    await page.getByText(COORDINATOR_ONLY).waitFor();
    expect(await page.getByRole('button', { name: 'Enregistrer' }).count()).toBe(0);
    await screenshot(page, 'foundation-partner-settings');
    await page.close();
  });
});
