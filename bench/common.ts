/** What every benchmark shares: the result row, statistics, fresh PostgreSQL databases. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../server/src/db/client';

/** One row of bench/results/latest.json (issue "Performance and scale"). */
export interface BenchResult {
  name: string;
  scale: string;
  value: number | null;
  unit: string;
  peer: string;
  peerValue: number | null;
  /** peerValue / value for times, value / peerValue for rates: above 1, we beat the peer. */
  ratio: number | null;
  /** Set when the benchmark failed or a check of its answer did not hold. */
  error?: string;
  note?: string;
}

export interface BenchOptions {
  quick: boolean;
  /** A PostgreSQL server where fresh databases may be created (and dropped). */
  pgUrl: string | undefined;
}

export const round = (x: number, digits = 0) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
export const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? Number.NaN;
export const median = (xs: number[]) => percentile(xs, 0.5);

/** The speed-up over the peer: for times (lower is better) peer/ours, for rates ours/peer. */
export function ratioOf(value: number | null, peerValue: number | null, lowerIsBetter: boolean) {
  if (value === null || peerValue === null || value === 0 || peerValue === 0) return null;
  const r = lowerIsBetter ? peerValue / value : value / peerValue;
  return round(r, r < 0.1 ? 4 : 2);
}

export const log = (msg: string) => console.error(`[bench] ${msg}`);

/** A fresh database on the PostgreSQL server of `adminUrl`, dropped by `drop()`. */
export async function freshPostgres(
  adminUrl: string,
  poolSize = 10,
): Promise<{ url: string; database: Database; drop(): Promise<void> }> {
  const name = `tisserand_bench_${randomBytes(4).toString('hex')}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize });
  return {
    url: url.toString(),
    database,
    drop: async () => {
      await database.close().catch(() => {});
      await dropDatabase(adminUrl, name);
    },
  };
}

/** A fresh, empty database name on the server (for child processes), and its drop. */
export async function freshPostgresUrl(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `tisserand_bench_${randomBytes(4).toString('hex')}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => dropDatabase(adminUrl, name) };
}

async function dropDatabase(adminUrl: string, name: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.end();
}

export const errorRow = (
  name: string,
  scale: string,
  unit: string,
  peer: string,
  err: unknown,
): BenchResult => ({
  name,
  scale,
  value: null,
  unit,
  peer,
  peerValue: null,
  ratio: null,
  error: err instanceof Error ? err.message.split('\n')[0] : String(err),
});
