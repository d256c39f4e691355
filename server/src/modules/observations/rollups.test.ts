import { combine, combineRatio } from '@tisserand/core/aggregation/aggregate';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, buildChain, createTestApp, type TestApp } from '../../../test/helpers';
import { queryRows } from '../../db/client';
import { type GroupBy, getIndicator, grouping, loadPartials, seriesPoints } from './series.service';

/** A seeded PRNG (mulberry32), so the data and any failure are the same on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), a | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Kind = 'month' | 'quarter' | 'year';
const BUCKET: Record<Kind, string> = {
  month: `to_char(period_start, 'YYYY-MM')`,
  quarter: `to_char(period_start, 'YYYY') || '-Q' || extract(quarter from period_start)::int`,
  year: `to_char(period_start, 'YYYY')`,
};

/** The partials computed the slow way, straight from the observations: what the roll-ups must equal. */
async function rawPartials(chainId: string, indicatorId: string, kind: Kind, approvedOnly = false) {
  const rows = await queryRows<Record<string, unknown>>(
    t.database.db,
    sql`select actor_id, ${sql.raw(BUCKET[kind])} as bucket, sum(value)::float8 as sum, count(*)::int as count,
          min(value)::float8 as min, max(value)::float8 as max,
          (array_agg(value order by period_start desc))[1]::float8 as latest
        from observations
        where chain_id = ${chainId} and indicator_id = ${indicatorId}
          and ${approvedOnly ? sql`status = 'approved'` : sql`status in ('submitted', 'approved')`}
        group by actor_id, bucket`,
  );
  return rows
    .map((r) => ({
      actorId: (r.actor_id as string | null) ?? null,
      bucket: r.bucket as string,
      sum: Number(r.sum),
      count: Number(r.count),
      min: Number(r.min),
      max: Number(r.max),
      latest: Number(r.latest),
    }))
    .sort(order);
}
const order = (
  a: { actorId: string | null; bucket: string },
  b: { actorId: string | null; bucket: string },
) => `${a.actorId}${a.bucket}`.localeCompare(`${b.actorId}${b.bucket}`);

async function expectExact(chainId: string, indicatorId: string, kinds: Kind[]) {
  for (const kind of kinds) {
    for (const approvedOnly of [false, true]) {
      const fast = (await loadPartials(t.database.db, chainId, indicatorId, kind, { approvedOnly })).sort(
        order,
      );
      expect(fast, `${kind}${approvedOnly ? ' approved' : ''}`).toEqual(
        await rawPartials(chainId, indicatorId, kind, approvedOnly),
      );
    }
  }
}

describe('observation roll-ups', () => {
  it('stay equal to the raw observations through writes, approvals, reopenings, moves and deletions', async () => {
    const { chain, coordinator } = await buildChain(t);
    const base = `/chains/${chain.id}`;
    const post = async (path: string, body: Record<string, unknown>) => {
      const res = await coordinator.post(`${base}/${path}`, body);
      if (res.statusCode !== 201) throw new Error(`${path}: ${res.body}`);
      return res.json() as { id: string; version: number };
    };
    const actor = (name: string) =>
      post('actors', { name, kind: 'business', role: 'transactional', status: 'engaged' });
    const [a, b] = [await actor('A'), await actor('B')];
    const monthly = await post('indicators', {
      code: 'M',
      name: 'Mensuel',
      category: 'impact',
      valueType: 'number',
      aggregation: 'latest',
      periodicity: 'month',
      status: 'adopted',
      reporters: 'all',
    });
    const yearly = await post('indicators', {
      code: 'Y',
      name: 'Annuel',
      category: 'impact',
      valueType: 'number',
      aggregation: 'sum',
      periodicity: 'year',
      status: 'adopted',
      reporters: 'coordinator',
    });
    const items: Record<string, unknown>[] = [];
    for (const [i, month] of ['2025-01', '2025-02', '2025-03', '2025-05', '2025-12', '2026-01'].entries()) {
      items.push({ indicatorId: monthly.id, actorId: a.id, period: month, value: 10 + i });
      items.push({
        indicatorId: monthly.id,
        actorId: b.id,
        period: month,
        value: 100 - i * 3,
        status: i === 2 ? 'draft' : 'submitted',
      });
    }
    items.push({ indicatorId: yearly.id, actorId: null, period: '2025', value: 7 });
    expect((await coordinator.put(`${base}/observations`, { items })).statusCode).toBe(200);
    await expectExact(chain.id, monthly.id, ['month', 'quarter', 'year']);
    await expectExact(chain.id, yearly.id, ['year']);
    // A yearly indicator has no month or quarter buckets.
    expect(await loadPartials(t.database.db, chain.id, yearly.id, 'quarter', {})).toEqual([]);

    // Approve a period, change a value, reopen, approve everything of an actor.
    await coordinator.post(`${base}/observations/approval`, { period: '2025-02' });
    await coordinator.put(`${base}/observations`, {
      items: [{ indicatorId: monthly.id, actorId: a.id, period: '2025-05', value: -4.5 }],
    });
    await expectExact(chain.id, monthly.id, ['month', 'quarter', 'year']);
    await coordinator.post(`${base}/observations/reopen`, { period: '2025-02', actorId: b.id });
    await coordinator.post(`${base}/observations/approval`, { period: '2025-12' });
    await expectExact(chain.id, monthly.id, ['month', 'quarter', 'year']);

    // Deleting an actor deletes its observations, and its roll-ups with them.
    const before = await coordinator.get(`${base}/actors/${b.id}`);
    expect((await coordinator.delete(`${base}/actors/${b.id}`, before.json().version)).statusCode).toBe(204);
    await expectExact(chain.id, monthly.id, ['month', 'quarter', 'year']);
    const left = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int n from observation_rollups where chain_id = ${chain.id} and actor_key = ${b.id}`,
    );
    expect(left[0]?.n).toBe(0);
  });

  it('stay exact when two writers touch the same actor and year at once', async () => {
    const { chain, coordinator } = await buildChain(t);
    const base = `/chains/${chain.id}`;
    const actorRes = await coordinator.post(`${base}/actors`, {
      name: 'A',
      kind: 'business',
      role: 'transactional',
      status: 'engaged',
    });
    const actorId = actorRes.json().id as string;
    const indicatorRes = await coordinator.post(`${base}/indicators`, {
      code: 'C',
      name: 'C',
      category: 'impact',
      valueType: 'number',
      aggregation: 'sum',
      periodicity: 'month',
      status: 'adopted',
    });
    const indicatorId = indicatorRes.json().id as string;
    const partner = (await addMember(t, coordinator, chain.id, 'partner', actorId)).client;
    const months = (from: number) =>
      Array.from({ length: 6 }, (_, i) => ({
        indicatorId,
        actorId,
        period: `2025-${String(from + i).padStart(2, '0')}`,
        value: from + i,
      }));
    const answers = await Promise.all([
      coordinator.put(`${base}/observations`, { items: months(1) }),
      partner.put(`${base}/observations`, { items: months(7) }),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    await expectExact(chain.id, indicatorId, ['month', 'quarter', 'year']);
    const year = await loadPartials(t.database.db, chain.id, indicatorId, 'year', {});
    expect(year).toEqual([expect.objectContaining({ bucket: '2025', sum: 78, count: 12 })]);
  });
});

describe('series aggregated by the database', () => {
  it('equal combine() over the per-actor partials, for every aggregation, grouping and status filter', async () => {
    const { chain, coordinator } = await buildChain(t);
    const base = `/chains/${chain.id}`;
    const post = async (path: string, body: Record<string, unknown>) => {
      const res = await coordinator.post(`${base}/${path}`, body);
      if (res.statusCode !== 201) throw new Error(`${path}: ${res.body}`);
      return res.json() as { id: string };
    };
    const s1 = await post('stages', { name: 'Un', position: 0 });
    const s2 = await post('stages', { name: 'Deux', position: 1 });
    const random = prng(7);
    const actorIds: string[] = [];
    for (let i = 0; i < 12; i++) {
      const stageIds = i % 4 === 0 ? [] : i % 3 === 0 ? [s1.id, s2.id] : [i % 2 ? s1.id : s2.id];
      const role = (['demand', 'transactional', 'support'] as const)[i % 3];
      actorIds.push(
        (await post('actors', { name: `A${i}`, kind: 'business', role, stageIds, status: 'engaged' })).id,
      );
    }
    const kinds = ['sum', 'mean', 'min', 'max', 'latest'] as const;
    const ids: Record<string, string> = {};
    for (const kind of kinds)
      ids[kind] = (
        await post('indicators', {
          code: kind.toUpperCase(),
          name: kind,
          category: 'impact',
          valueType: 'number',
          aggregation: kind,
          periodicity: 'month',
          status: 'adopted',
          capitals: ['social', 'financial'],
        })
      ).id;
    ids.ratio = (
      await post('indicators', {
        code: 'R',
        name: 'ratio',
        category: 'impact',
        valueType: 'percentage',
        aggregation: 'ratio',
        numeratorId: ids.sum,
        denominatorId: ids.max,
        factor: 100,
        periodicity: 'month',
        status: 'adopted',
      })
    ).id;
    const items: Record<string, unknown>[] = [];
    for (const kind of kinds)
      for (const actorId of [...actorIds, null])
        for (let m = 1; m <= 14; m++) {
          if (random() < 0.3) continue;
          const period = `${2025 + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, '0')}`;
          const status = random() < 0.2 ? 'draft' : 'submitted';
          items.push({
            indicatorId: ids[kind],
            actorId,
            period,
            value: Math.round(random() * 2000 - 500) / 4,
            status,
          });
        }
    expect((await coordinator.put(`${base}/observations`, { items })).statusCode).toBe(200);
    await coordinator.post(`${base}/observations/approval`, { period: '2025-03' });
    await coordinator.post(`${base}/observations/approval`, { period: '2025-11' });

    const ctx = {
      id: chain.id,
      role: 'coordinator' as const,
      actorId: null,
      capitalFramework: 'permacomptable' as const,
      publicMinGroupSize: 3,
    };
    const round = (points: { period: string; group: string; value: number | null; n: number }[]) =>
      points.map((p) => ({ ...p, value: p.value === null ? null : Math.round(p.value * 1e6) / 1e6 }));
    let compared = 0;
    for (const key of [...kinds, 'ratio']) {
      const indicator = await getIndicator(t.database.db, chain.id, ids[key] ?? '');
      if (!indicator) throw new Error('indicator missing');
      for (const groupBy of ['none', 'stage', 'role', 'actor', 'capital'] as GroupBy[])
        for (const periodicity of ['month', 'quarter', 'year'] as const)
          for (const range of [
            {},
            { approvedOnly: true },
            { from: '2025-02-01', to: '2025-09-30' },
            { actorId: actorIds[1] },
          ]) {
            const { groupsOf } = await grouping(t.database.db, ctx, 'fr', indicator, groupBy);
            const expected =
              indicator.aggregation === 'ratio'
                ? combineRatio(
                    await loadPartials(t.database.db, chain.id, ids.sum ?? '', periodicity, range),
                    await loadPartials(t.database.db, chain.id, ids.max ?? '', periodicity, range),
                    100,
                    groupsOf,
                  )
                : combine(
                    indicator.aggregation,
                    await loadPartials(t.database.db, chain.id, indicator.id, periodicity, range),
                    groupsOf,
                  );
            const actual = await seriesPoints(
              t.database.db,
              chain.id,
              indicator,
              groupBy,
              periodicity,
              range,
            );
            expect(round(actual), `${key} ${groupBy} ${periodicity} ${JSON.stringify(range)}`).toEqual(
              round(expected),
            );
            compared += expected.length;
          }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
