/**
 * Series benchmark (QUALITY.md "dashboard series"): an indicator series over many observations,
 * grouped by stage and quarter, through the same code as `GET …/indicators/{id}/series`, against a
 * plain GROUP BY over the raw rows. Run: `npm run bench -- series [--rows N] [--postgres URL]`.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { type Database, openDatabase, queryRows } from '../server/src/db/client';
import { newId } from '../server/src/lib/ids';
import { getSeries } from '../server/src/modules/observations/series.service';

export interface SeriesResult {
  name: string;
  scale: string;
  value: number;
  unit: string;
  peer: string;
  peerValue: number;
  ratio: number;
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? Number.NaN;

async function seed(database: Database, rows: number) {
  const db = database.db;
  const chainId = newId();
  const indicatorId = newId();
  const actorCount = 2000;
  const months = Math.ceil(rows / actorCount);
  await db.execute(sql`insert into chains (id, name, region) values (${chainId}, 'Bench', 'Bench')`);
  await db.execute(sql`insert into stages (chain_id, id, name, position)
    select ${chainId}::uuid, gen_random_uuid(), 'Maillon ' || g, g from generate_series(0, 5) g`);
  await db.execute(sql`insert into actors (chain_id, id, name, kind, role, status)
    select ${chainId}::uuid, gen_random_uuid(), 'Acteur ' || g, 'business', 'transactional', 'engaged' from generate_series(1, ${actorCount}) g`);
  await db.execute(sql`insert into actor_stages (chain_id, actor_id, stage_id)
    select a.chain_id, a.id, s.id from (select chain_id, id, row_number() over (order by id) n from actors where chain_id = ${chainId}) a
    join (select id, position from stages where chain_id = ${chainId}) s on s.position = a.n % 6`);
  await db.execute(sql`insert into indicators (chain_id, id, code, name, category, value_type, aggregation, periodicity, direction, reporters, status, confidentiality)
    values (${chainId}, ${indicatorId}, 'B', 'Bench', 'supply', 'number', 'sum', 'month', 'increase', 'all', 'adopted', 'aggregate')`);
  const t0 = performance.now();
  // Month m for every actor: period_start walks back from 2026-12.
  await db.execute(sql`insert into observations (chain_id, id, indicator_id, actor_id, period, period_start, value, status, source)
    select ${chainId}::uuid, gen_random_uuid(), ${indicatorId}::uuid, a.id,
      to_char(date '2026-12-01' - (m || ' months')::interval, 'YYYY-MM'),
      (date '2026-12-01' - (m || ' months')::interval)::date, (random() * 100)::float8, 'approved', 'import'
    from actors a cross join generate_series(0, ${months - 1}) m where a.chain_id = ${chainId}`);
  const n =
    (
      await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int n from observations where chain_id = ${chainId}`,
      )
    )[0]?.n ?? 0;
  console.error(`seeded ${n} observations in ${Math.round(performance.now() - t0)} ms`);
  await db.execute(sql`analyze`);
  return { chainId, indicatorId, n };
}

export async function runSeriesBench(options: {
  rows: number;
  url?: string | undefined;
  runs?: number;
}): Promise<SeriesResult> {
  const database = await openDatabase(options.url ? { url: options.url } : { memory: true });
  await database.migrate();
  const { chainId, indicatorId, n } = await seed(database, options.rows);
  const chain = {
    id: chainId,
    role: 'coordinator' as const,
    actorId: null,
    capitalFramework: 'permacomptable' as const,
    publicMinGroupSize: 3,
  };
  const runs = options.runs ?? 20;
  const ours: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await getSeries(database.db, chain, 'fr', indicatorId, { groupBy: 'stage', periodicity: 'quarter' });
    ours.push(performance.now() - t);
    t = performance.now();
    await queryRows(
      database.db,
      sql`select s.stage_id, to_char(o.period_start, 'YYYY') || '-Q' || extract(quarter from o.period_start)::int as q,
            sum(o.value), count(distinct o.actor_id)
          from observations o join actor_stages s on s.chain_id = o.chain_id and s.actor_id = o.actor_id
          where o.chain_id = ${chainId} and o.indicator_id = ${indicatorId} and o.status in ('submitted', 'approved')
          group by 1, 2`,
    );
    plain.push(performance.now() - t);
  }
  await database.close();
  const value = p95(ours);
  const peerValue = p95(plain);
  return {
    name: `series_p95_ms_${options.url ? 'postgres' : 'pglite'}`,
    scale: `${n} observations, 2000 actors, 6 stages`,
    value: Math.round(value),
    unit: 'ms',
    peer: 'plain GROUP BY over the raw rows',
    peerValue: Math.round(peerValue),
    ratio: Math.round((peerValue / value) * 100) / 100,
  };
}
