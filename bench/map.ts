/**
 * Chain map benchmark (QUALITY.md "chain map"): the real server (`server.ts`, serving web/dist) on
 * a generated chain of 10,000 actors and 50,000 flows, the coordinator signed in, then headless
 * Chromium (Debian's, never downloaded) opens `/chains/:id/map`. First render: from the navigation
 * start to the moment the map publishes `window.__tisserandMapStats` (set by SigmaMap in the
 * animation frame after sigma drew its first frame). Panning: mouse drags across the canvas for
 * ~3 s while a requestAnimationFrame counter runs; frames per second. No peer.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { type BenchOptions, type BenchResult, log, round } from './common';
import { startBenchServer } from './spawn';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Records when the map publishes its stats (navigation-relative, performance.now()). */
const READY_PROBE = `
  (() => {
    let stats;
    Object.defineProperty(window, '__tisserandMapStats', {
      configurable: true,
      get() { return stats; },
      set(v) { if (window.__benchMapReadyAt === undefined) window.__benchMapReadyAt = performance.now(); stats = v; },
    });
  })();
`;

interface MapStats {
  firstRenderMs: number;
  buildMs: number;
  nodes: number;
  edges: number;
}

export async function runMapBench(options: BenchOptions): Promise<BenchResult[]> {
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium or set CHROMIUM_PATH)`);
  if (!existsSync(new URL('../web/dist/index.html', import.meta.url)))
    throw new Error('web/dist is missing: run `npm run build` first');
  const shape = options.quick ? { actors: 2500, flows: 12_500 } : { actors: 10_000, flows: 50_000 };
  const server = await startBenchServer({ ...shape, web: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  try {
    const { info } = server;
    const scale = `${info.actors} actors, ${info.flows} flows, ${info.stages} stages; headless Chromium, software WebGL, 1400×1000`;
    const context = await browser.newContext({
      viewport: { width: 1400, height: 1000 },
      locale: 'fr-FR',
      // The probes below are strings evaluated in the page, which the app's CSP (no eval) would refuse.
      bypassCSP: true,
    });
    const page = await context.newPage();
    const login = await page.request.post(`${info.url}/api/v1/auth/login`, {
      data: { email: info.email, password: info.password },
    });
    if (login.status() !== 200) throw new Error(`sign-in answered ${login.status()}: ${await login.text()}`);
    await page.addInitScript({ content: READY_PROBE });
    // Warm the browser's cache of the app's scripts (as a returning user has them), then measure.
    await page.goto(`${info.url}/chains/${info.chainId}`);
    await page.waitForLoadState('networkidle');
    await page.goto(`${info.url}/chains/${info.chainId}/map`);
    await page.waitForFunction('window.__benchMapReadyAt !== undefined', undefined, { timeout: 120_000 });
    const firstRender = (await page.evaluate('window.__benchMapReadyAt')) as number;
    const stats = (await page.evaluate('window.__tisserandMapStats')) as MapStats;
    log(`map: first render ${round(firstRender)} ms from navigation (${JSON.stringify(stats)})`);
    if (stats.nodes !== info.actors) throw new Error(`the map drew ${stats.nodes} actors of ${info.actors}`);

    // Panning: drags across the canvas for ~3 s while counting animation frames.
    const box = await page.getByTestId('chain-map-canvas').boundingBox();
    if (!box) throw new Error('no map canvas');
    await page.waitForTimeout(500);
    await page.evaluate(`(() => {
      window.__benchFrames = 0;
      const tick = () => { window.__benchFrames++; window.__benchRaf = requestAnimationFrame(tick); };
      window.__benchRaf = requestAnimationFrame(tick);
      window.__benchStart = performance.now();
    })()`);
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const until = Date.now() + 3000;
    let dir = 1;
    while (Date.now() < until) {
      await page.mouse.move(cx - 200 * dir, cy - 100 * dir);
      await page.mouse.down();
      await page.mouse.move(cx + 200 * dir, cy + 100 * dir, { steps: 30 });
      await page.mouse.up();
      dir = -dir;
    }
    const fps = (await page.evaluate(`(() => {
      cancelAnimationFrame(window.__benchRaf);
      return window.__benchFrames / ((performance.now() - window.__benchStart) / 1000);
    })()`)) as number;
    log(`map: ${round(fps, 1)} fps while panning`);
    await context.close();
    return [
      {
        name: 'map_first_render_ms',
        scale,
        value: round(firstRender),
        unit: 'ms',
        peer: '—',
        peerValue: null,
        ratio: null,
        note: `navigation start → first frame drawn; of which mount → first frame ${stats.firstRenderMs} ms, graph build ${stats.buildMs} ms`,
      },
      {
        name: 'map_pan_fps',
        scale,
        value: round(fps, 1),
        unit: 'fps',
        peer: '—',
        peerValue: null,
        ratio: null,
        note: 'requestAnimationFrame callbacks per second during ~3 s of mouse drags',
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
