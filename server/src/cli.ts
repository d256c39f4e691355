import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildApp } from './app';
import { ConfigError, readConfig } from './config';
import { type Database, DatabaseStartError, openDatabase } from './db/client';
import { restoreDataBackup, scheduleDataBackups } from './db/data-backup';
import { DEMO_PASSWORD, DEMO_USERS, isEmpty, loadDemo } from './demo/demo';
import { HttpError } from './http/errors';
import { scheduleReminders } from './jobs/reminders';
import { createMailer } from './lib/mail';
import { createUser } from './modules/auth/auth.service';
import { createBackup, parseBackup, restoreBackup } from './modules/backup/backup.service';
import { failStaleImports, STALE_AFTER_MS } from './modules/imports/imports.service';
import { scheduleProposalClosing } from './modules/mediation/proposals.service';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WEB = join(ROOT, 'web');
const WEB_DIST = join(WEB, 'dist');

const HELP = `Tisserand — the workspace of a permacomptable value chain

Usage: tisserand <command> [options]

  start                 migrate, load the demo chain into an empty database, serve the API and the web app
  migrate               apply pending migrations and exit
  user create --email E --name N --password P [--admin] [--locale fr|en]
                        create a user (an instance admin with --admin)
  demo                  load the demo chain
  backup --chain ID [--out FILE]
                        write the whole chain as JSON (same format as exports/backup.json);
                        to standard output without --out or with --out -
  restore FILE          restore a backup as a new chain (FILE - reads standard input); members
                        are matched to this instance's accounts by e-mail
  restore-data FILE     put a scheduled backup of the embedded database (DATA_DIR/backups/*.tar.gz)
                        into an empty DATA_DIR (stop the server and move the old directory aside first)

Environment: DATABASE_URL, DATA_DIR (./data), PORT (3000), HOST (127.0.0.1), PUBLIC_URL,
SMTP_URL, TISSERAND_DEMO (0 to skip the demo), TRUST_PROXY (1 behind a reverse proxy), LOG_LEVEL,
MAP_STYLE_URL (MapLibre style for the geography view), TISSERAND_BACKUP_INTERVAL_HOURS (24; 0: no
scheduled backup of the embedded database), TISSERAND_BACKUP_KEEP (7). See docs/operations.md.`;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the web app when it was never built or its sources (or core's) changed since. */
function ensureWebBuilt() {
  const index = join(WEB_DIST, 'index.html');
  const sources = Math.max(
    newestMtime(join(WEB, 'src')),
    newestMtime(join(ROOT, 'core', 'src')),
    statSync(join(WEB, 'index.html')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  console.log('Building the web app (once, or after a change)…');
  const result = spawnSync('npm', ['run', 'build', '-w', 'web'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error('The web app build failed (npm run build -w web).');
}

async function open(
  log: (line: string) => void = console.log,
): Promise<{ database: Database; config: ReturnType<typeof readConfig> }> {
  const config = readConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  log(
    database.kind === 'postgres'
      ? `Database: PostgreSQL at ${database.location}`
      : `Database: embedded PGlite in ${database.location}`,
  );
  await database.migrate();
  return { database, config };
}

function printDemoSignIn() {
  console.log('\nDemo sign-in (password for every demo account: %s):', DEMO_PASSWORD);
  for (const u of DEMO_USERS)
    console.log(`  ${u.email.padEnd(34)} ${u.key}${u.isAdmin ? ' (instance admin)' : ''}`);
}

async function start(dev: boolean) {
  const started = Date.now();
  if (!dev) ensureWebBuilt();
  const { database, config } = await open();
  // The lock file makes this process the only one on an embedded database: any running import
  // was cut short. On PostgreSQL another server may be running it: only silent ones are failed.
  const stale = await failStaleImports(database.db, database.kind === 'pglite' ? 0 : STALE_AFTER_MS);
  if (stale > 0) console.log(`Imports cut short by a stop, marked failed: ${stale}`);
  let demoLoaded = false;
  if (config.demo && (await isEmpty(database.db))) {
    await loadDemo(database.db);
    demoLoaded = true;
  }
  const app = await buildApp({
    database,
    webDist: dev ? undefined : WEB_DIST,
    secureCookies: config.publicUrl.startsWith('https:'),
    trustProxy: config.trustProxy,
    mapStyleUrl: config.mapStyleUrl,
    logger: { level: config.logLevel },
    require2fa: process.env.TISSERAND_REQUIRE_2FA === '1',
  });
  const stopJobs: (() => void)[] = [];
  const shutdown = async (signal: string) => {
    console.log(`\n${signal}: stopping…`);
    for (const stop of stopJobs) stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  stopJobs.push(
    scheduleReminders(database.db, createMailer(config.smtpUrl), (msg) => app.log.error(msg)),
    scheduleProposalClosing(database.db, (msg) => app.log.error(msg)),
  );
  if (database.kind === 'postgres') {
    // Imports of a server that stopped are failed by whichever server is still up.
    const sweep = setInterval(
      () => void failStaleImports(database.db).catch((err) => app.log.error(`import sweep failed: ${err}`)),
      60_000,
    );
    sweep.unref();
    stopJobs.push(() => clearInterval(sweep));
    console.log(
      'Backups: scheduled backups of a PostgreSQL database are the operator’s job (pg_dump or PITR, docs/operations.md).',
    );
  } else if (config.backupIntervalHours > 0) {
    stopJobs.push(
      scheduleDataBackups(database, {
        intervalHours: config.backupIntervalHours,
        keep: config.backupKeep,
        log: (msg) => console.log(msg),
        error: (msg) => app.log.error(msg),
      }),
    );
    console.log(
      `Backups: the embedded database every ${config.backupIntervalHours} h into ${join(config.dataDir, 'backups')} (last ${config.backupKeep} kept).`,
    );
  } else {
    console.log(
      'Backups: scheduled backups of the embedded database are off (TISSERAND_BACKUP_INTERVAL_HOURS=0).',
    );
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl.replace(/:\d+$/, `:${port}`);
  console.log(`Tisserand is ready at ${url} (in ${Date.now() - started} ms)`);
  console.log(`API docs: ${url}/api/docs`);
  if (demoLoaded || config.demo) printDemoSignIn();
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start': {
      const { values } = parseArgs({ args: rest, options: { dev: { type: 'boolean', default: false } } });
      await start(values.dev ?? false);
      return;
    }
    case 'migrate': {
      const { database } = await open();
      await database.close();
      console.log('Migrations applied.');
      return;
    }
    case 'demo': {
      const { database } = await open();
      const chainId = await loadDemo(database.db);
      await database.close();
      console.log(`Demo chain loaded: ${chainId}`);
      printDemoSignIn();
      return;
    }
    case 'backup': {
      await backup(rest);
      return;
    }
    case 'restore': {
      await restore(rest);
      return;
    }
    case 'restore-data': {
      await restoreData(rest);
      return;
    }
    case 'user': {
      const [sub, ...args] = rest;
      if (sub !== 'create')
        throw new UsageError('Usage: tisserand user create --email E --name N --password P [--admin]');
      const { values } = parseArgs({
        args,
        options: {
          email: { type: 'string' },
          name: { type: 'string' },
          password: { type: 'string' },
          admin: { type: 'boolean', default: false },
          locale: { type: 'string', default: 'fr' },
        },
      });
      if (!values.email || !values.name || !values.password) {
        throw new UsageError('Usage: tisserand user create --email E --name N --password P [--admin]');
      }
      const locale = values.locale === 'en' ? 'en' : 'fr';
      const { database } = await open();
      try {
        const user = await createUser(database.db, {
          email: values.email,
          name: values.name,
          password: values.password,
          isAdmin: values.admin,
          locale,
        });
        console.log(`User created: ${user.email} (${user.id})${user.isAdmin ? ', instance admin' : ''}`);
      } finally {
        await database.close();
      }
      return;
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(HELP);
      return;
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${HELP}`);
  }
}

class UsageError extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `tisserand backup --chain ID [--out FILE]`: the JSON of `exports/backup.json`. */
async function backup(args: string[]) {
  const usage = 'Usage: tisserand backup --chain ID [--out FILE]';
  const { values } = parseArgs({ args, options: { chain: { type: 'string' }, out: { type: 'string' } } });
  if (!values.chain) throw new UsageError(usage);
  if (!UUID.test(values.chain)) throw new UsageError(`--chain takes a chain id (a UUID).\n${usage}`);
  const out = values.out && values.out !== '-' ? values.out : undefined;
  // With the JSON on standard output, everything else goes to standard error.
  const { database } = await open(out ? console.log : console.error);
  try {
    const doc = await createBackup(database.db, values.chain);
    if (!doc) throw new UsageError(`No chain ${values.chain} in this database.`);
    const text = `${JSON.stringify(doc)}\n`;
    if (!out) {
      await new Promise<void>((resolve, reject) =>
        process.stdout.write(text, (err) => (err ? reject(err) : resolve())),
      );
      return;
    }
    // Written aside then renamed: a failed write never leaves half a backup under the final name.
    writeFileSync(`${out}.partial`, text);
    renameSync(`${out}.partial`, out);
    const rows = Object.values(doc.tables).reduce((n, rows) => n + rows.length, 0);
    console.log(`Backup of "${String(doc.chain.name)}" written to ${out} (${rows} rows).`);
  } finally {
    await database.close();
  }
}

/** `tisserand restore-data FILE`: a scheduled backup of the embedded database into an empty DATA_DIR. */
async function restoreData(args: string[]) {
  const usage = 'Usage: tisserand restore-data FILE (into DATA_DIR, which must be empty or absent)';
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError(usage);
  const config = readConfig();
  if (config.databaseUrl)
    throw new UsageError(
      'restore-data is for the embedded database; unset DATABASE_URL (PostgreSQL: pg_restore).',
    );
  const { users } = await restoreDataBackup(file, config.dataDir);
  console.log(`Backup ${file} restored into ${config.dataDir} (${users} accounts). Start Tisserand on it.`);
}

/** `tisserand restore FILE`: the backup becomes a new chain; says what could not come over. */
async function restore(args: string[]) {
  const usage = 'Usage: tisserand restore FILE';
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError(usage);
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8'));
  } catch (err) {
    throw new UsageError(
      `Cannot read ${file === '-' ? 'standard input' : file} as JSON: ${(err as Error).message}`,
    );
  }
  const doc = parseBackup(input);
  const { database } = await open();
  try {
    const result = await restoreBackup(database.db, doc, { userId: null });
    console.log(
      `Chain restored: ${result.chain.id} ("${result.chain.name}", from ${result.fromChainId ?? '?'})`,
    );
    if (result.skippedMembers.length > 0) {
      console.log(
        'Members not restored (no account with their e-mail here; create it, then add them again):',
      );
      for (const m of result.skippedMembers) console.log(`  ${m.email} (${m.name}), ${m.role}`);
    }
    for (const [table, n] of Object.entries(result.skippedRows))
      console.log(`Rows of ${table} not restored (their user has no account here): ${n}`);
    if (result.clearedUserReferences > 0)
      console.log(
        `References to users without an account here left empty (authors, signers, audit entries): ${result.clearedUserReferences}`,
      );
    for (const r of result.renamedReports)
      console.log(`Report slug "${r.from}" is taken on this instance: the report is now at "${r.to}"`);
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof DatabaseStartError || err instanceof ConfigError || err instanceof UsageError) {
    console.error(err.message);
  } else if (err instanceof HttpError) {
    console.error(
      `${err.message}${err.errors ? ` ${err.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}` : ''}`,
    );
  } else {
    console.error(err);
  }
  process.exit(1);
});
