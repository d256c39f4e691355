import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB } from './helpers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'tisserand.mjs');

function run(args: string[], env: Record<string, string>) {
  const res = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status, out: `${res.stdout}${res.stderr}` };
}

describe.runIf(TEST_DB === 'pglite')('tisserand command', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tisserand-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates, creates a user, and refuses a second process on the same data directory', async () => {
    const env = { DATA_DIR: dir, DATABASE_URL: '' };
    const migrated = run(['migrate'], env);
    expect(migrated.out).toContain(`Database: embedded PGlite in ${dir}`);
    expect(migrated.code).toBe(0);

    const weak = run(['user', 'create', '--email', 'a@b.org', '--name', 'A', '--password', 'password1'], env);
    expect(weak.code).toBe(1);
    expect(weak.out).toContain('too common');
    const created = run(
      [
        'user',
        'create',
        '--email',
        'admin@b.org',
        '--name',
        'Admin',
        '--password',
        'prairie-fleurie-2026',
        '--admin',
      ],
      env,
    );
    expect(created.out).toMatch(/User created: admin@b\.org .*instance admin/);

    // A running server holds the directory: a second process stops with a clear message.
    const server: ChildProcess = spawn(process.execPath, [BIN, 'start', '--dev'], {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: '0', TISSERAND_DEMO: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
        server.stdout?.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('is ready at')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      const second = run(['migrate'], env);
      expect(second.code).toBe(1);
      expect(second.out).toMatch(/already in use by another Tisserand process \(pid \d+\)/);
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    expect(run(['migrate'], env).code).toBe(0);
  }, 120_000);

  it('stops at start when DATABASE_URL is wrong, without falling back to PGlite', () => {
    const res = run(['migrate'], { DATA_DIR: dir, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(res.code).toBe(1);
    expect(res.out).toContain('does not fall back');
    expect(res.out).not.toContain('embedded PGlite');
  });
});
