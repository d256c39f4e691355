import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

  it('backs up a chain to a file or standard output and restores it into another instance', () => {
    const from = join(dir, 'backup-from');
    const to = join(dir, 'backup-to');
    const file = join(dir, 'chain-backup.json');
    const demo = run(['demo'], { DATA_DIR: from, DATABASE_URL: '' });
    const chainId = /Demo chain loaded: ([0-9a-f-]{36})/.exec(demo.out)?.[1] ?? '';
    expect(chainId).not.toBe('');

    const written = run(['backup', '--chain', chainId, '--out', file], { DATA_DIR: from, DATABASE_URL: '' });
    expect(written.code).toBe(0);
    expect(written.out).toContain(`written to ${file}`);
    const backup = JSON.parse(readFileSync(file, 'utf8'));
    expect(backup).toMatchObject({ format: 'tisserand-backup', formatVersion: 1, chain: { id: chainId } });

    // Standard output carries the JSON alone; the database line goes to standard error.
    const piped = spawnSync(process.execPath, [BIN, 'backup', '--chain', chainId], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: from, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(piped.stderr).toContain('Database: embedded PGlite');
    expect(JSON.parse(piped.stdout).tables).toEqual(backup.tables);

    // A fresh instance has none of the demo accounts: every member is listed as not restored.
    const restored = run(['restore', file], { DATA_DIR: to, DATABASE_URL: '' });
    expect(restored.code).toBe(0);
    const newId = /Chain restored: ([0-9a-f-]{36})/.exec(restored.out)?.[1] ?? '';
    expect(newId).not.toBe(chainId);
    expect(restored.out).toContain('Members not restored');
    expect(restored.out).toContain('moulin@demo.tisserand.org');

    const copy = run(['backup', '--chain', newId, '--out', `${file}.copy`], {
      DATA_DIR: to,
      DATABASE_URL: '',
    });
    expect(copy.code).toBe(0);
    const again = JSON.parse(readFileSync(`${file}.copy`, 'utf8'));
    expect(again.chain).toEqual({ ...backup.chain, id: newId });
    expect(again.tables.members).toEqual([]);
    expect(again.tables.actors).toEqual(backup.tables.actors);
    expect(again.tables.observations.length).toBe(backup.tables.observations.length);

    const missing = run(['restore', join(dir, 'nothing.json')], { DATA_DIR: to, DATABASE_URL: '' });
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('Cannot read');
  }, 180_000);

  it('stops at start when DATABASE_URL is wrong, without falling back to PGlite', () => {
    const res = run(['migrate'], { DATA_DIR: dir, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(res.code).toBe(1);
    expect(res.out).toContain('does not fall back');
    expect(res.out).not.toContain('embedded PGlite');
  });
});
