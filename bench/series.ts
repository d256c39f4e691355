/**
 * Series benchmark (QUALITY.md "dashboard series"): one indicator's series grouped by stage and
 * quarter through `getSeries` (the code of `GET …/indicators/{id}/series`), p95 over 20 runs after
 * one warm-up, then one value written through the real service (`upsertObservations`) and the next
 * series timed and checked to include it; the peer is a plain GROUP BY over the raw rows of that
 * indicator. The chain comes from `generate.ts` (every actor reports every indicator monthly).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { type Database, openDatabase, queryRows } from '../server/src/db/client';
import type { ChainContext } from '../server/src/http/context';
import { upsertObservations } from '../server/src/modules/observations/observations.service';
import { getSeries } from '../server/src/modules/observations/series.service';
import {
  type BenchOptions,
  type BenchResult,
  freshPostgres,
  log,
  percentile,
  ratioOf,
  round,
} from './common';
import { addCoordinator, generateChain, writeChain, writeObservations } from './generate';

export interface SeriesShape {
  actors: number;
  indicators: number;
  months: number;
}

/** Full scale: ≈ 10 M observations on PostgreSQL, ≈ 1 M on PGlite; quick: ≈ 216,000 and ≈ 108,000. */
export function seriesShape(engine: 'pglite' | 'postgres', quick: boolean): SeriesShape {
  if (engine === 'postgres')
    return quick ? { actors: 400, indicators: 10, months: 54 } : { actors: 5000, indicators: 40, months: 54 };
  return quick ? { actors: 200, indicators: 10, months: 54 } : { actors: 2000, indicators: 10, months: 54 };
}

const plainGroupBy = (chainId: string, indicatorId: string) =>
  sql`select s.stage_id, to_char(o.period_start, 'YYYY') || '-Q' || extract(quarter from o.period_start)::int as q,
        sum(o.value)::float8 as sum, count(distinct o.actor_id)::int as n
      from observations o join actor_stages s on s.chain_id = o.chain_id and s.actor_id = o.actor_id
      where o.chain_id = ${chainId} and o.indicator_id = ${indicatorId} and o.status in ('submitted', 'approved')
      group by 1, 2`;

export async function runSeriesBench(
  engine: 'pglite' | 'postgres',
  options: BenchOptions & { shape?: SeriesShape; runs?: number },
): Promise<BenchResult[]> {
  const shape = options.shape ?? seriesShape(engine, options.quick);
  let pgHandle: Awaited<ReturnType<typeof freshPostgres>> | undefined;
  let database: Database;
  if (engine === 'postgres') {
    if (!options.pgUrl)
      throw new Error('no PostgreSQL server: pass --postgres URL or set BENCH_DATABASE_URL');
    pgHandle = await freshPostgres(options.pgUrl);
    database = pgHandle.database;
  } else {
    database = await openDatabase({ memory: true });
  }
  try {
    await database.migrate();
    const chain = generateChain({
      actors: shape.actors,
      flows: shape.actors * 5,
      indicators: shape.indicators,
    });
    let t = performance.now();
    await writeChain(database, chain);
    const n = await writeObservations(database, chain, shape.months);
    log(`series/${engine}: seeded ${n} observations in ${Math.round(performance.now() - t)} ms`);
    const coordinator = await addCoordinator(database, chain.chainId);
    const ctx: ChainContext = {
      id: chain.chainId,
      role: 'coordinator',
      actorId: null,
      capitalFramework: 'permacomptable',
      publicMinGroupSize: 3,
    };
    const indicator = chain.indicators[0];
    if (!indicator) throw new Error('no indicator');
    const series = () =>
      getSeries(database.db, ctx, 'fr', indicator.id, { groupBy: 'stage', periodicity: 'quarter' });
    const plain = () => queryRows<{ sum: number }>(database.db, plainGroupBy(chain.chainId, indicator.id));

    // Warm-up, and a check that both answer the same total.
    const first = await series();
    const firstPlain = await plain();
    const total = first.items.reduce((s, p) => s + (p.value ?? 0), 0);
    const plainTotal = firstPlain.reduce((s, r) => s + Number(r.sum), 0);
    const agree = Math.abs(total - plainTotal) <= 1e-6 * Math.max(1, Math.abs(plainTotal));

    const runs = options.runs ?? 20;
    const ours: number[] = [];
    const peer: number[] = [];
    for (let i = 0; i < runs; i++) {
      t = performance.now();
      await series();
      ours.push(performance.now() - t);
      t = performance.now();
      await plain();
      peer.push(performance.now() - t);
    }

    // A new submission, through the same service as `PUT …/observations`, then the next query.
    const actor = chain.actors.find((a) => a.stageIds.length > 0) ?? chain.actors[0];
    if (!actor) throw new Error('no actor');
    await upsertObservations(
      database.db,
      ctx,
      coordinator.userId,
      [
        {
          indicatorId: indicator.id,
          actorId: actor.id,
          period: '2030-02',
          value: 1234.5,
          status: 'submitted',
        },
      ],
      'form',
    );
    t = performance.now();
    const after = await series();
    const afterMs = performance.now() - t;
    const visible = after.items.some((p) => p.period === '2030-Q1' && p.value === 1234.5);

    const value = percentile(ours, 0.95);
    const peerValue = percentile(peer, 0.95);
    const scale = `${n} observations (${shape.actors} actors × ${shape.indicators} indicators × ${shape.months} months); one indicator = ${shape.actors * shape.months} rows, ${chain.stages.length} stages`;
    const problems = [
      agree ? '' : `series total ${total} ≠ plain GROUP BY total ${plainTotal}`,
      visible ? '' : 'the new submission is not in the next series',
    ].filter(Boolean);
    const results: BenchResult[] = [
      {
        name: `series_p95_ms_${engine}`,
        scale,
        value: round(value),
        unit: 'ms',
        peer: 'plain GROUP BY over the raw rows',
        peerValue: round(peerValue),
        ratio: ratioOf(value, peerValue, true),
        ...(problems.length ? { error: problems.join('; ') } : {}),
      },
      {
        name: `series_after_write_ms_${engine}`,
        scale: `first series after one new submission (${visible ? 'visible' : 'NOT visible'})`,
        value: round(afterMs),
        unit: 'ms',
        peer: 'plain GROUP BY over the raw rows (p95)',
        peerValue: round(peerValue),
        ratio: ratioOf(afterMs, peerValue, true),
        ...(visible ? {} : { error: 'the new submission is not in the next series' }),
      },
    ];
    return results;
  } finally {
    if (pgHandle) await pgHandle.drop();
    else await database.close();
  }
}
