/**
 * Start benchmark (QUALITY.md "start"): `node bin/tisserand.mjs start` (what `npm start` runs) with
 * an empty data directory and TISSERAND_DEMO=0, web already built, timed from the spawn to the
 * first `GET /api/v1/health` answering 200 (polled every 20 ms). One untimed run first (it builds
 * the web app if its sources changed, and warms the file cache; not in quick mode); then the
 * median of the runs. The
 * peer: `node -e` starting a bare Fastify server, to its first answer.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { type BenchOptions, type BenchResult, log, median, ratioOf, round } from './common';
import { freePort, ROOT } from './spawn';

async function timeToHealthy(
  start: (port: number) => ChildProcess,
  path: string,
  timeoutMs = 180_000,
): Promise<number> {
  const port = await freePort();
  const t = performance.now();
  const child = start(port);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`exited (${child.exitCode}):\n${output.slice(-1500)}`);
      if (performance.now() - t > timeoutMs) throw new Error(`not healthy in time:\n${output.slice(-1500)}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}${path}`);
        if (res.status === 200) return performance.now() - t;
      } catch {
        // not listening yet
      }
      await sleep(20);
    }
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  }
}

function startTisserand(dataDir: string) {
  return (port: number) =>
    spawn(process.execPath, [join(ROOT, 'bin', 'tisserand.mjs'), 'start'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: '',
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        TISSERAND_DEMO: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
}

const bareFastify = (port: number) =>
  spawn(
    process.execPath,
    [
      '-e',
      `const app = require('fastify')(); app.get('/health', async () => ({ status: 'ok' })); app.listen({ port: ${port}, host: '127.0.0.1' });`,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );

export async function runStartBench(options: BenchOptions): Promise<BenchResult[]> {
  const runs = options.quick ? 1 : 5;
  // The untimed first run (web build check, file cache) is left out in quick mode.
  const first = options.quick ? 1 : 0;
  const ours: number[] = [];
  const peer: number[] = [];
  for (let i = first; i <= runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'tisserand-bench-start-'));
    try {
      const ms = await timeToHealthy(startTisserand(dir), '/api/v1/health');
      if (i > 0) ours.push(ms);
      log(`start: ${i === 0 ? '(untimed) ' : ''}${round(ms)} ms`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    if (i > 0) peer.push(await timeToHealthy(bareFastify, '/health'));
  }
  const value = median(ours);
  const peerValue = median(peer);
  return [
    {
      name: 'start_ms',
      scale: `empty PGlite data directory (migrations included), TISSERAND_DEMO=0, web built; median of ${runs}`,
      value: round(value),
      unit: 'ms',
      peer: 'node -e bare Fastify server, spawn to first answer',
      peerValue: round(peerValue),
      ratio: ratioOf(value, peerValue, true),
    },
  ];
}
