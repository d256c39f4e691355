import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock } from '../src/db/client';
import { listDataBackups, restoreDataBackup } from '../src/db/data-backup';
import {
  createPostgresDatabase,
  HttpClient,
  Ledger,
  type ServerProcess,
  startTisserand,
  writeUntilKilled,
} from './crash-harness';
import { TEST_DB } from './helpers';

/**
 * Crash safety (QUALITY.md): `kill -9` at random moments during writes loses no acknowledged
 * write, leaves no partial import, and the database always reopens. Short form in `npm test`;
 * `TISSERAND_SOAK=1` (`npm run soak`) runs at least 100 kill cycles.
 */
const SOAK = process.env.TISSERAND_SOAK === '1';
const CYCLES = SOAK ? Number(process.env.TISSERAND_SOAK_CYCLES ?? 100) : TEST_DB === 'pglite' ? 3 : 2;
const PER_CYCLE_MS = 60_000;

async function crashLoop(
  env: Record<string, string>,
  engine: 'pglite' | 'postgres',
  /** Run against the last server, before it stops. */
  beforeStop: () => Promise<void> = async () => {},
) {
  const started = Date.now();
  let server: ServerProcess | undefined = await startTisserand({ ...env, TISSERAND_DEMO: '1' });
  const ledger = new Ledger(`${engine}${process.pid}`);
  try {
    await ledger.setUp(await HttpClient.signIn(server.url));
    let checked = 0;
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const client = await HttpClient.signIn(server.url);
      const victim: ServerProcess = server;
      const writing = writeUntilKilled(ledger, client, cycle);
      // A random moment: early (mid-start of a write burst) to late (mid-import, mid-transaction).
      await new Promise((r) => setTimeout(r, 200 + Math.random() * 2500));
      await victim.kill9();
      await writing;
      server = undefined;
      server = await startTisserand(env).catch((err: Error) => {
        throw new Error(`cycle ${cycle}: the database did not reopen after kill -9: ${err.message}`);
      });
      const result = await ledger.verify(await HttpClient.signIn(server.url), engine).catch((err: Error) => {
        throw new Error(`cycle ${cycle}: ${err.message}`);
      });
      checked = result.checked;
    }
    console.log(
      `crash safety (${engine}): ${CYCLES} kill -9 cycles, ${ledger.acknowledged} acknowledged writes, ` +
        `${checked} entities checked after the last restart, ${Math.round((Date.now() - started) / 1000)} s`,
    );
    expect(ledger.acknowledged).toBeGreaterThan(CYCLES);
    await beforeStop();
  } finally {
    await server?.stop();
  }
}

describe.runIf(TEST_DB === 'pglite')('crash safety of the embedded database', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'tisserand-crash-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('takes over a lock left by a dead process, even one that had our own pid', () => {
    const dir = tempDir();
    // A restarted container often gives the new process the pid of the killed one.
    writeFileSync(join(dir, 'tisserand.lock'), `${process.pid}\n`);
    const release = acquireLock(dir);
    // Held by this process now: a second opening is refused.
    expect(() => acquireLock(dir)).toThrow(/already in use/);
    release();
    // A process killed between creating the lock file and writing its pid leaves it empty.
    writeFileSync(join(dir, 'tisserand.lock'), '');
    acquireLock(dir)();
  });

  it(
    `loses no acknowledged write over ${CYCLES} kill -9 cycles and never leaves a partial import`,
    async () => {
      const dataDir = tempDir();
      // Scheduled backups every ~7 s (TISSERAND_BACKUP_INTERVAL_HOURS=0.002): killed ones too.
      await crashLoop(
        {
          DATA_DIR: dataDir,
          DATABASE_URL: '',
          TISSERAND_BACKUP_INTERVAL_HOURS: '0.002',
          TISSERAND_BACKUP_KEEP: '2',
        },
        'pglite',
        async () => {
          // The last server lives until its scheduled backup is written.
          for (let i = 0; i < 120 && listDataBackups(dataDir).length === 0; i++)
            await new Promise((r) => setTimeout(r, 250));
        },
      );
      // Never more backups than kept, and the newest restores into a database that opens.
      const backups = listDataBackups(dataDir);
      expect(backups.length).toBeGreaterThan(0);
      expect(backups.length).toBeLessThanOrEqual(2);
      const restored = await restoreDataBackup(backups.at(-1) ?? '', join(tempDir(), 'restored'));
      expect(restored.users).toBeGreaterThan(0);
    },
    120_000 + CYCLES * PER_CYCLE_MS,
  );
});

const ADMIN_URL = process.env.TEST_DATABASE_URL;
describe.runIf(TEST_DB === 'postgres' && ADMIN_URL)('crash safety on PostgreSQL', () => {
  it(
    `loses no acknowledged write over ${CYCLES} kill -9 cycles of the server`,
    async () => {
      const database = await createPostgresDatabase(ADMIN_URL ?? '', 'tisserand_crash');
      try {
        await crashLoop({ DATABASE_URL: database.url }, 'postgres');
      } finally {
        await database.drop();
      }
    },
    120_000 + CYCLES * PER_CYCLE_MS,
  );
});
