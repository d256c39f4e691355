/** Child processes of the benchmarks: the bench server (`server.ts`) and bare Fastify peers. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface BenchServerInfo {
  url: string;
  chainId: string;
  stages: number;
  actors: number;
  flows: number;
  observations: number;
  actorIds: string[];
  indicators: { id: string; periodicity: 'month' | 'quarter' }[];
  userId: string;
  email: string;
  password: string;
  token: string;
}

export interface Child<T> {
  info: T;
  child: ChildProcess;
  stop(): Promise<void>;
}

function stopper(child: ChildProcess) {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
}

/** Waits for a line of the child's output matching `pattern`; rejects if it exits first. */
function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`no “${pattern}” in time:\n${output.slice(-2000)}`)),
      timeoutMs,
    );
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = pattern.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`process exited (${code}):\n${output.slice(-2000)}`));
    });
  });
}

/** Starts `bench/server.ts` (the real app on a generated chain) in its own process. */
export async function startBenchServer(options: {
  actors: number;
  flows: number;
  indicators?: number;
  months?: number;
  web?: boolean;
  url?: string;
}): Promise<Child<BenchServerInfo>> {
  const child = spawn(
    process.execPath,
    ['--max-old-space-size=4096', 'bin/run-ts.mjs', 'bench/server.ts', JSON.stringify(options)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const m = await waitForLine(child, /BENCH_READY (\{.*\})\n/, 300_000);
  return { info: JSON.parse(m[1] ?? '{}') as BenchServerInfo, child, stop: stopper(child) };
}

/** A bare Fastify app with one trivial JSON route, in its own process: the API's peer. */
export async function startBareFastify(): Promise<Child<{ url: string }>> {
  const code = `
    const app = require('fastify')({ logger: false });
    app.get('/hello', async () => ({ hello: 'world' }));
    app.listen({ port: 0, host: '127.0.0.1' }).then(() => console.log('BARE_READY ' + app.server.address().port));
  `;
  const child = spawn(process.execPath, ['-e', code], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const m = await waitForLine(child, /BARE_READY (\d+)/, 30_000);
  return { info: { url: `http://127.0.0.1:${m[1]}` }, child, stop: stopper(child) };
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
