/**
 * Bulk import benchmark (QUALITY.md "bulk import"): an observations CSV (`indicator,actor,period,
 * value`, codes and names as in a spreadsheet) posted to the real route `POST …/imports?kind=
 * observations` of the app (`buildApp`, `app.inject`, coordinator's API token), timed from the
 * request to the job reading `succeeded` (parsing, validation, references, writing, audit). The
 * peer loads the same CSV into a bare table of four columns: `psql \copy` on PostgreSQL, PGlite's
 * `COPY FROM '/dev/blob'` on PGlite.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { buildApp } from '../server/src/app';
import { type Database, openDatabase } from '../server/src/db/client';
import { type BenchOptions, type BenchResult, freshPostgres, log, ratioOf, round } from './common';
import { addCoordinator, generateChain, observationsCsv, writeChain } from './generate';

const BARE_TABLE = 'create table bench_copy (indicator text, actor text, period text, value float8)';

async function importThroughApp(database: Database, csv: string, rows: number) {
  const chain = generateChain({ actors: 2000, flows: 10_000, indicators: 10 });
  await writeChain(database, chain);
  const { token } = await addCoordinator(database, chain.chainId);
  const app = await buildApp({ database });
  await app.ready();
  try {
    const headers = { authorization: `Bearer ${token}` };
    const t = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/chains/${chain.chainId}/imports?kind=observations`,
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: csv,
    });
    if (res.statusCode !== 202)
      throw new Error(`import answered ${res.statusCode}: ${res.body.slice(0, 500)}`);
    const id = (res.json() as { id: string }).id;
    for (;;) {
      await sleep(100);
      const job = await app.inject({
        method: 'GET',
        url: `/api/v1/chains/${chain.chainId}/imports/${id}`,
        headers,
      });
      const body = job.json() as { status: string; imported: number; errors: unknown[] };
      if (body.status === 'running') continue;
      const ms = performance.now() - t;
      if (body.status !== 'succeeded')
        throw new Error(`import ${body.status}: ${JSON.stringify(body.errors).slice(-800)}`);
      if (body.imported !== rows) throw new Error(`imported ${body.imported} rows of ${rows}`);
      return ms;
    }
  } finally {
    await app.close();
  }
}

export async function runImportBench(
  engine: 'pglite' | 'postgres',
  options: BenchOptions,
): Promise<BenchResult[]> {
  const rows = options.quick ? 20_000 : 1_000_000;
  const csv = observationsCsv(generateChain({ actors: 2000, flows: 10_000, indicators: 10 }), rows);
  const scale = `${rows} observation rows from CSV (${round(csv.length / 1e6, 1)} MB; 2000 actors, 9 monthly indicators), ${engine}`;
  const dir = mkdtempSync(join(tmpdir(), 'tisserand-bench-import-'));
  try {
    if (engine === 'postgres') {
      if (!options.pgUrl)
        throw new Error('no PostgreSQL server: pass --postgres URL or set BENCH_DATABASE_URL');
      const pg = await freshPostgres(options.pgUrl);
      try {
        await pg.database.migrate();
        const ms = await importThroughApp(pg.database, csv, rows);
        log(`imports/postgres: ${round(ms)} ms`);
        const file = join(dir, 'observations.csv');
        writeFileSync(file, csv);
        await pg.database.db.execute(BARE_TABLE);
        const t = performance.now();
        execFileSync('psql', [
          pg.url,
          '-q',
          '-c',
          `\\copy bench_copy from '${file}' with (format csv, header true)`,
        ]);
        const peerMs = performance.now() - t;
        log(`imports/postgres: psql \\copy ${round(peerMs)} ms`);
        const value = rows / (ms / 1000);
        const peerValue = rows / (peerMs / 1000);
        return [
          {
            name: 'import_rows_per_s_postgres',
            scale,
            value: round(value),
            unit: 'rows/s',
            peer: 'psql \\copy of the same CSV into a bare 4-column table',
            peerValue: round(peerValue),
            ratio: ratioOf(value, peerValue, false),
          },
        ];
      } finally {
        await pg.drop();
      }
    }
    const database = await openDatabase({ memory: true });
    let ms: number;
    try {
      await database.migrate();
      ms = await importThroughApp(database, csv, rows);
    } finally {
      await database.close();
    }
    log(`imports/pglite: ${round(ms)} ms`);
    const bare = new PGlite();
    let peerMs: number;
    try {
      await bare.exec(BARE_TABLE);
      const t = performance.now();
      await bare.query(`copy bench_copy from '/dev/blob' with (format csv, header true)`, [], {
        blob: new Blob([csv]),
      });
      peerMs = performance.now() - t;
    } finally {
      await bare.close();
    }
    log(`imports/pglite: COPY FROM '/dev/blob' ${round(peerMs)} ms`);
    const value = rows / (ms / 1000);
    const peerValue = rows / (peerMs / 1000);
    return [
      {
        name: 'import_rows_per_s_pglite',
        scale,
        value: round(value),
        unit: 'rows/s',
        peer: "PGlite COPY FROM '/dev/blob' of the same CSV into a bare 4-column table",
        peerValue: round(peerValue),
        ratio: ratioOf(value, peerValue, false),
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
