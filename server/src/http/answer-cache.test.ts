import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { addMember, buildChain, Client, createTestApp, type TestApp } from '../../test/helpers';
import { buildApp } from '../app';
import { queryRows } from '../db/client';
import { AnswerCache, REVISION_EXEMPT_TABLES } from './answer-cache';
import type { ChainContext } from './context';

const chainAt = (dataRevision: number | undefined, id = 'c1'): ChainContext => ({
  id,
  role: 'coordinator',
  actorId: null,
  capitalFramework: 'permacomptable',
  publicMinGroupSize: 3,
  ...(dataRevision === undefined ? {} : { dataRevision }),
});

describe('AnswerCache', () => {
  it('keys an answer by chain, revision, caller and URL, and caches nothing without a revision', () => {
    const url = '/api/v1/chains/c1/actors';
    expect(AnswerCache.key(chainAt(undefined), 'fr', url)).toBeNull();
    const keys = new Set([
      AnswerCache.key(chainAt(1), 'fr', url),
      AnswerCache.key(chainAt(2), 'fr', url),
      AnswerCache.key(chainAt(1, 'c2'), 'fr', url),
      AnswerCache.key(chainAt(1), 'en', url),
      AnswerCache.key(chainAt(1), 'fr', `${url}?limit=10`),
      AnswerCache.key({ ...chainAt(1), role: 'partner', actorId: 'a1' }, 'fr', url),
      AnswerCache.key({ ...chainAt(1), role: 'partner', actorId: 'a2' }, 'fr', url),
    ]);
    expect(keys.size).toBe(7);
  });

  it('drops a chain’s answers once a newer revision is seen, and never stores an older one', () => {
    const cache = new AnswerCache();
    const old = chainAt(1);
    const oldKey = AnswerCache.key(old, 'fr', '/x') ?? '';
    cache.set(old, oldKey, '{"v":1}');
    expect(cache.get(old, oldKey)).toBe('{"v":1}');
    const other = chainAt(5, 'c2');
    const otherKey = AnswerCache.key(other, 'fr', '/x') ?? '';
    cache.set(other, otherKey, '{"other":true}');

    const next = chainAt(2);
    expect(cache.get(next, AnswerCache.key(next, 'fr', '/x') ?? '')).toBeUndefined();
    // The revision-1 answer is gone, even asked for with its own key.
    expect(cache.get(old, oldKey)).toBeUndefined();
    // A slow request that read revision 1 cannot put it back.
    cache.set(old, oldKey, '{"v":1}');
    expect(cache.get(old, oldKey)).toBeUndefined();
    // Other chains keep theirs.
    expect(cache.get(other, otherKey)).toBe('{"other":true}');
  });

  it('evicts the least recently used answers beyond its size', () => {
    const cache = new AnswerCache(1000, 3);
    const chain = chainAt(1);
    const key = (n: number) => AnswerCache.key(chain, 'fr', `/p${n}`) ?? '';
    for (const n of [1, 2, 3]) cache.set(chain, key(n), `"${n}"`);
    expect(cache.get(chain, key(1))).toBe('"1"');
    cache.set(chain, key(4), '"4"');
    expect(cache.size).toBe(3);
    expect(cache.get(chain, key(2))).toBeUndefined();
    expect(cache.get(chain, key(1))).toBe('"1"');
    // By size: one answer may take an eighth of the cache at most, and the total stays below it.
    const bySize = new AnswerCache(800, 100);
    bySize.set(chain, key(0), 'x'.repeat(101));
    expect(bySize.get(chain, key(0))).toBeUndefined();
    for (let n = 1; n <= 9; n++) bySize.set(chain, key(n), String(n).repeat(95));
    expect(bySize.get(chain, key(1))).toBeUndefined();
    expect(bySize.get(chain, key(9))).toBe('9'.repeat(95));
    expect(bySize.size).toBe(8);
  });
});

describe('cached list answers', () => {
  let t: TestApp;
  afterEach(async () => t?.close());

  async function chainWithActor() {
    t = await createTestApp();
    const { chain, coordinator } = await buildChain(t);
    const base = `/chains/${chain.id}`;
    const stage = (await coordinator.post(`${base}/stages`, { name: 'Production', position: 1 })).json();
    const actor = (
      await coordinator.post(`${base}/actors`, {
        name: 'Moulin de la Sye',
        kind: 'business',
        role: 'transactional',
        stageIds: [],
        status: 'engaged',
        inRegion: true,
        localOwnershipPct: 100,
        lowIncomeFocus: false,
        tags: [],
      })
    ).json();
    return { chain, coordinator, base, stage, actor };
  }

  const names = async (client: Client, url: string) =>
    (await client.get(url)).json().items.map((a: { name: string }) => a.name);

  it('show a write through the API in the next answer', async () => {
    const { coordinator, base, actor, stage } = await chainWithActor();
    expect(await names(coordinator, `${base}/actors`)).toEqual(['Moulin de la Sye']);
    expect(await names(coordinator, `${base}/actors`)).toEqual(['Moulin de la Sye']);
    const patched = await coordinator.patch(
      `${base}/actors/${actor.id}`,
      { name: 'Moulin de Crest', stageIds: [stage.id] },
      actor.version,
    );
    expect(patched.statusCode).toBe(200);
    const items = (await coordinator.get(`${base}/actors`)).json().items;
    expect(items.map((a: { name: string }) => a.name)).toEqual(['Moulin de Crest']);
    expect(items[0].stageIds).toEqual([stage.id]);
  });

  it('show a write that bypasses the application (SQL), in the answer table and in a side table', async () => {
    const { coordinator, base, actor, stage, chain } = await chainWithActor();
    expect(await names(coordinator, `${base}/actors`)).toEqual(['Moulin de la Sye']);
    await t.database.db.execute(sql`update actors set name = 'Renamed in SQL' where id = ${actor.id}`);
    expect(await names(coordinator, `${base}/actors`)).toEqual(['Renamed in SQL']);
    // The stage ids come from actor_stages: a write there alone is seen too.
    await t.database.db.execute(
      sql`insert into actor_stages (chain_id, actor_id, stage_id) values (${chain.id}, ${actor.id}, ${stage.id})`,
    );
    expect((await coordinator.get(`${base}/actors`)).json().items[0].stageIds).toEqual([stage.id]);
    await t.database.db.execute(sql`delete from actors where id = ${actor.id}`);
    expect(await names(coordinator, `${base}/actors`)).toEqual([]);
  });

  it('show a write made through another server on the same database', async () => {
    const { coordinator, base, actor } = await chainWithActor();
    const other = await buildApp({ database: t.database });
    await other.ready();
    try {
      const sameUser = new Client(other, coordinator.cookie, coordinator.csrfToken);
      expect(await names(coordinator, `${base}/actors`)).toEqual(['Moulin de la Sye']);
      expect(await names(sameUser, `${base}/actors`)).toEqual(['Moulin de la Sye']);
      const res = await sameUser.patch(`${base}/actors/${actor.id}`, { name: 'Vu ailleurs' }, actor.version);
      expect(res.statusCode).toBe(200);
      expect(await names(coordinator, `${base}/actors`)).toEqual(['Vu ailleurs']);
    } finally {
      await other.close();
    }
  });

  it('end access at once when a membership is removed, cached answer or not', async () => {
    const { coordinator, base, chain } = await chainWithActor();
    const { user, client, member } = await addMember(t, coordinator, chain.id, 'observer');
    expect((await client.get(`${base}/actors`)).statusCode).toBe(200);
    expect((await client.get(`${base}/actors`)).statusCode).toBe(200);
    const removed = await coordinator.delete(`${base}/members/${user.id}`, member.version);
    expect(removed.statusCode).toBe(204);
    expect((await client.get(`${base}/actors`)).statusCode).toBe(404);
  });

  it('leave whole chains deletable (the revision triggers fire during the cascade)', async () => {
    const { coordinator, chain, base } = await chainWithActor();
    await coordinator.get(`${base}/actors`);
    const res = await coordinator.delete(`/chains/${chain.id}`, chain.version);
    expect(res.statusCode).toBe(204);
    expect((await coordinator.get(`${base}/actors`)).statusCode).toBe(404);
  });

  it('are invalidated by every entity table of a chain: each has the revision triggers', async () => {
    t = await createTestApp();
    const rows = await queryRows<{ table_name: string; triggers: string[] }>(
      t.database.db,
      sql`select c.table_name,
            array(select tg.tgname::text from pg_trigger tg join pg_class r on r.oid = tg.tgrelid
                  where r.relname = c.table_name and tg.tgname like '%\\_revision\\_%' order by 1) as triggers
          from information_schema.columns c
          where c.table_schema = 'public' and c.column_name = 'chain_id'
          order by 1`,
    );
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      const expected = REVISION_EXEMPT_TABLES.includes(row.table_name)
        ? []
        : ['delete', 'insert', 'update'].map((op) => `${row.table_name}_revision_${op}`);
      expect({ table: row.table_name, triggers: row.triggers }).toEqual({
        table: row.table_name,
        triggers: expected,
      });
    }
  });
});
