import {
  closeSync,
  copyFileSync,
  createWriteStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { type Database, DatabaseStartError, LOCK_FILE } from './client';

/**
 * Scheduled backups of the embedded database: a copy of the whole PGlite data directory as a
 * gzipped tarball, taken while the server runs, in `DATA_DIR/backups/`. PostgreSQL is backed up
 * by its operator (pg_dump, PITR): see docs/operations.md.
 *
 * Why not `PGlite.dumpDataDir()`: it tars every file under the data directory, and the backups
 * live in it (`DATA_DIR/backups/`), so each backup would hold all the previous ones. The copy is
 * taken the same way `dumpDataDir` does it: under PGlite's query mutex, when no statement runs
 * and the files on disk are a crash-consistent image (every commit's WAL written); the restore
 * (`tisserand restore-data`) starts PostgreSQL on it, which replays the WAL like after a crash.
 */

export const BACKUP_DIR = 'backups';
const NAME = /^tisserand-\d{8}T\d{6}(\d{3})?Z\.tar\.gz$/;
/** Files of the data directory that are not PostgreSQL's: never copied. */
const SKIP = new Set([BACKUP_DIR, LOCK_FILE]);

/** `tisserand-20261130T021500123Z.tar.gz`: sorts in time order. */
export function backupName(at: Date): string {
  return `tisserand-${at.toISOString().replace(/[-:.]/g, '')}.tar.gz`;
}

function listFiles(root: string, dir = root, out: { path: string; dir: boolean }[] = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (dir === root && SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      out.push({ path, dir: true });
      listFiles(root, path, out);
    } else if (entry.isFile()) out.push({ path, dir: false });
  }
  return out;
}

// ---- a minimal ustar writer (PGlite's `loadDataDir` and `tar` read it) ----

function octal(value: number, length: number): string {
  return `${value.toString(8).padStart(length - 1, '0')}\0`;
}

function tarHeader(name: string, size: number, mode: number, mtime: number, dir: boolean): Buffer {
  const header = Buffer.alloc(512);
  let entryName = name;
  let prefix = '';
  if (Buffer.byteLength(name) > 99) {
    const cut = name.lastIndexOf('/', 154);
    prefix = name.slice(0, cut);
    entryName = name.slice(cut + 1);
    if (cut < 0 || Buffer.byteLength(entryName) > 99) throw new Error(`path too long for a backup: ${name}`);
  }
  header.write(entryName, 0, 100, 'utf8');
  header.write(octal(mode & 0o7777, 8), 100, 'ascii');
  header.write(octal(0, 8), 108, 'ascii');
  header.write(octal(0, 8), 116, 'ascii');
  header.write(octal(size, 12), 124, 'ascii');
  header.write(octal(Math.floor(mtime / 1000), 12), 136, 'ascii');
  header.write('        ', 148, 'ascii');
  header.write(dir ? '5' : '0', 156, 'ascii');
  header.write('ustar\u000000', 257, 'ascii');
  header.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return header;
}

async function* tarEntries(root: string): AsyncGenerator<Buffer> {
  for (const entry of listFiles(root)) {
    const name = relative(root, entry.path).split('\\').join('/');
    const stat = statSync(entry.path);
    if (entry.dir) {
      yield tarHeader(`${name}/`, 0, stat.mode, stat.mtimeMs, true);
      continue;
    }
    const data = readFileSync(entry.path);
    yield tarHeader(name, data.length, stat.mode, stat.mtimeMs, false);
    yield data;
    const pad = (512 - (data.length % 512)) % 512;
    if (pad > 0) yield Buffer.alloc(pad);
  }
  yield Buffer.alloc(1024);
}

function fsyncPath(path: string) {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a consistent backup of the embedded database into `DATA_DIR/backups/` and answers its
 * path. Written under a temporary name, synced, then renamed: a backup is either whole or absent.
 */
export async function writeDataBackup(database: Database, now = new Date()): Promise<string> {
  const embedded = database.embedded;
  if (!embedded?.dataDir) throw new Error('Data-directory backups are for the embedded database on disk.');
  const { client, dataDir } = embedded;
  const dir = join(dataDir, BACKUP_DIR);
  mkdirSync(dir, { recursive: true });
  const name = backupName(now);
  const staging = join(dir, `.staging-${name}`);
  const partial = join(dir, `.${name}.partial`);
  // Left-overs of a backup cut short by a stop (this process alone holds the data directory).
  for (const n of readdirSync(dir))
    if (n.startsWith('.staging-') || n.endsWith('.partial'))
      rmSync(join(dir, n), { recursive: true, force: true });
  try {
    // A checkpoint first keeps the WAL to replay at restore short.
    await client.exec('CHECKPOINT');
    // The copy itself holds the query mutex: no statement runs while the files are copied.
    await client.runExclusive(async () => {
      mkdirSync(staging, { recursive: true });
      for (const entry of listFiles(dataDir)) {
        const target = join(staging, relative(dataDir, entry.path));
        if (entry.dir) mkdirSync(target, { recursive: true });
        else copyFileSync(entry.path, target);
      }
    });
    // Compressing the copy happens outside the mutex: requests go on meanwhile.
    await pipeline(tarEntries(staging), createGzip(), createWriteStream(partial));
    fsyncPath(partial);
    const final = join(dir, name);
    renameSync(partial, final);
    try {
      fsyncPath(dir); // the rename itself, where the platform can sync a directory
    } catch {
      // Windows cannot open a directory for syncing
    }
    return final;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(partial, { force: true });
  }
}

/** Keeps the `keep` newest backups of `DATA_DIR/backups/`; answers the removed names. */
export function pruneDataBackups(dataDir: string, keep: number): string[] {
  const dir = join(dataDir, BACKUP_DIR);
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir)
    .filter((n) => NAME.test(n))
    .sort();
  const removed = names.slice(0, Math.max(0, names.length - keep));
  for (const n of removed) rmSync(join(dir, n), { force: true });
  return removed;
}

/** The backups of a data directory, oldest first. */
export function listDataBackups(dataDir: string): string[] {
  const dir = join(dataDir, BACKUP_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => NAME.test(n))
    .sort()
    .map((n) => join(dir, n));
}

/**
 * Backs up a minute after start when the newest backup is older than the interval, then on every interval; keeps
 * the `keep` newest. The timer does not keep the process alive. Answers a function that stops it.
 */
export function scheduleDataBackups(
  database: Database,
  options: { intervalHours: number; keep: number; log: (msg: string) => void; error: (msg: string) => void },
): () => void {
  const dataDir = database.embedded?.dataDir;
  if (!dataDir || options.intervalHours <= 0) return () => {};
  const intervalMs = options.intervalHours * 3_600_000;
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const file = await writeDataBackup(database);
      const removed = pruneDataBackups(dataDir, options.keep);
      options.log(
        `Backup of the embedded database written to ${file}${removed.length ? ` (${removed.length} older removed)` : ''}`,
      );
    } catch (err) {
      options.error(`backup of the embedded database failed: ${String(err)}`);
    } finally {
      running = false;
    }
  };
  const newest = listDataBackups(dataDir).at(-1);
  const age = newest ? Date.now() - statSync(newest).mtimeMs : Number.POSITIVE_INFINITY;
  const first = setTimeout(
    () => {
      void run();
      const timer = setInterval(run, intervalMs);
      timer.unref();
      stop = () => clearInterval(timer);
    },
    // Not during the start itself: a minute after it at the earliest (or the interval, if shorter).
    Math.max(Math.min(60_000, intervalMs), intervalMs - age),
  );
  first.unref();
  let stop = () => clearTimeout(first);
  return () => stop();
}

/**
 * `tisserand restore-data FILE`: puts a backup of the embedded database into an empty (or absent)
 * DATA_DIR; PGlite opens it (replaying the WAL) and a query checks it. Never over existing data.
 */
export async function restoreDataBackup(file: string, dataDir: string): Promise<{ users: number }> {
  const target = resolve(dataDir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new DatabaseStartError(
      `${target} is not empty. Stop Tisserand, move the data directory aside (mv ${target} ${target}.old), then run the restore again.`,
    );
  }
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (err) {
    throw new DatabaseStartError(`Cannot read ${file}: ${(err as Error).message}`);
  }
  // Checked here first: PGlite's own decompression of a bad file fails outside the promise.
  let tar: Buffer;
  try {
    tar = gunzipSync(data);
  } catch (err) {
    throw new DatabaseStartError(`${file} is not a usable backup: ${(err as Error).message}`);
  }
  if (tar.toString('ascii', 257, 262) !== 'ustar')
    throw new DatabaseStartError(`${file} is not a usable backup: not a tar archive.`);
  mkdirSync(target, { recursive: true });
  let client: PGlite | undefined;
  try {
    client = new PGlite(target, {
      loadDataDir: new File([new Uint8Array(tar)], 'backup.tar', { type: 'application/x-tar' }),
      relaxedDurability: false,
    });
    await client.waitReady;
    const rows = await client.query<{ n: number }>('select count(*)::int as n from users');
    await client.exec('CHECKPOINT');
    return { users: rows.rows[0]?.n ?? 0 };
  } catch (err) {
    await client?.close().catch(() => {});
    client = undefined;
    rmSync(target, { recursive: true, force: true });
    throw new DatabaseStartError(`${file} is not a usable backup: ${(err as Error).message}`);
  } finally {
    await client?.close();
  }
}
