import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_DB } from '../../test/helpers';
import { createUser } from '../modules/auth/auth.service';
import { openDatabase, queryRows } from './client';
import {
  backupName,
  listDataBackups,
  pruneDataBackups,
  restoreDataBackup,
  writeDataBackup,
} from './data-backup';

const emails = async (db: Parameters<typeof queryRows>[0]) =>
  (await queryRows<{ email: string }>(db, sql`select email from users order by email`)).map((r) => r.email);

describe.runIf(TEST_DB === 'pglite')('scheduled backups of the embedded database', () => {
  const root = mkdtempSync(join(tmpdir(), 'tisserand-data-backup-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('backs up while running, and restores into a new data directory as it was at backup time', async () => {
    const dataDir = join(root, 'data');
    const database = await openDatabase({ dataDir });
    let file: string;
    try {
      await database.migrate();
      await createUser(database.db, {
        email: 'before@example.org',
        name: 'Before',
        password: 'prairie-fleurie-2026',
      });
      file = await writeDataBackup(database);
      expect(file).toBe(join(dataDir, 'backups', readdirSync(join(dataDir, 'backups'))[0] ?? ''));
      // Nothing half-written is left beside it, and the next backup does not contain this one.
      expect(readdirSync(join(dataDir, 'backups'))).toHaveLength(1);
      await createUser(database.db, {
        email: 'after@example.org',
        name: 'After',
        password: 'prairie-fleurie-2026',
      });
      expect(await emails(database.db)).toEqual(['after@example.org', 'before@example.org']);
    } finally {
      await database.close();
    }
    const listing = spawnSync('tar', ['tzf', file], { encoding: 'utf8' });
    if (listing.status === 0) {
      expect(listing.stdout).toContain('PG_VERSION');
      expect(listing.stdout).not.toContain('backups/');
      expect(listing.stdout).not.toContain('tisserand.lock');
    }

    // Never over existing data.
    await expect(restoreDataBackup(file, dataDir)).rejects.toThrow(/not empty/);
    const restoredDir = join(root, 'restored');
    expect(await restoreDataBackup(file, restoredDir)).toEqual({ users: 1 });
    const restored = await openDatabase({ dataDir: restoredDir });
    try {
      await restored.migrate();
      expect(await emails(restored.db)).toEqual(['before@example.org']);
    } finally {
      await restored.close();
    }

    // A file that is not a backup is refused and leaves no directory behind.
    const junk = join(root, 'junk.tar.gz');
    writeFileSync(junk, 'not a tarball');
    await expect(restoreDataBackup(junk, join(root, 'junk'))).rejects.toThrow(/not a usable backup/);
    expect(existsSync(join(root, 'junk'))).toBe(false);
  }, 120_000);

  it('keeps the newest backups only', () => {
    const dataDir = join(root, 'prune');
    const dir = join(dataDir, 'backups');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (let day = 1; day <= 9; day++)
      writeFileSync(join(dir, backupName(new Date(Date.UTC(2026, 10, day, 2)))), 'x');
    writeFileSync(join(dir, 'notes.txt'), 'kept: not a backup');
    expect(pruneDataBackups(dataDir, 7)).toHaveLength(2);
    expect(listDataBackups(dataDir).map((f) => f.slice(-28))).toEqual(
      [3, 4, 5, 6, 7, 8, 9].map((d) => backupName(new Date(Date.UTC(2026, 10, d, 2))).slice(-28)),
    );
    expect(readdirSync(dir)).toContain('notes.txt');
  });
});
