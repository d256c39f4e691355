import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  buildChain,
  buildUser,
  Client,
  createTestApp,
  insertActor,
  type TestApp,
} from '../../../test/helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('chains', () => {
  it('lets an instance admin create a chain and become its coordinator', async () => {
    const { chain, coordinator } = await buildChain(t, {
      description: 'Du champ à la cantine',
      capitalFramework: 'wealthworks',
    });
    expect(chain).toMatchObject({
      name: 'Filière blé',
      region: 'Drôme',
      description: 'Du champ à la cantine',
      marketOpportunity: null,
      capitalFramework: 'wealthworks',
      publicMinGroupSize: 3,
      myRole: 'coordinator',
      version: 1,
    });
    const members = await coordinator.get(`/chains/${chain.id}/members`);
    expect(members.json().items).toEqual([expect.objectContaining({ role: 'coordinator', actorId: null })]);
  });

  it('refuses chain creation to users who are not instance admins', async () => {
    const user = await Client.signIn(t.app, (await buildUser(t.database)).email);
    expect((await user.post('/chains', { name: 'X', region: 'Y' })).statusCode).toBe(403);
  });

  it('lists only the chains the caller belongs to', async () => {
    const a = await buildChain(t, { name: 'Laine' });
    await buildChain(t, { name: 'Bois' });
    const { client } = await addMember(t, a.coordinator, a.chain.id, 'observer');
    const list = await client.get('/chains');
    expect(list.json().items.map((c: { name: string; myRole: string }) => [c.name, c.myRole])).toEqual([
      ['Laine', 'observer'],
    ]);
  });

  it('answers 404 for another tenant’s chain, an unknown id and a malformed id', async () => {
    const a = await buildChain(t);
    const b = await buildChain(t);
    const { client } = await addMember(t, a.coordinator, a.chain.id, 'coordinator');
    for (const url of [
      `/chains/${b.chain.id}`,
      `/chains/${b.chain.id}/members`,
      `/chains/${b.chain.id}/capitals`,
      `/chains/${b.chain.id}/audit`,
      '/chains/01890000-0000-7000-8000-000000000000',
      '/chains/not-a-uuid',
    ]) {
      const res = await client.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const patch = await client.patch(`/chains/${b.chain.id}`, { name: 'pris' }, 1);
    expect(patch.statusCode).toBe(404);
  });

  it('updates with If-Match: 428 without it, 412 when stale, new version and ETag when right', async () => {
    const { chain, coordinator } = await buildChain(t);
    const url = `/chains/${chain.id}`;
    const got = await coordinator.get(url);
    expect(got.headers.etag).toBe('"1"');
    expect((await coordinator.patch(url, { name: 'Blé paysan' })).statusCode).toBe(428);
    const ok = await coordinator.patch(url, { name: 'Blé paysan', marketOpportunity: 'Cantines bio' }, 1);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({ name: 'Blé paysan', marketOpportunity: 'Cantines bio', version: 2 });
    const stale = await coordinator.patch(url, { name: 'Écrasé' }, 1);
    expect(stale.statusCode).toBe(412);
    expect((await coordinator.get(url)).json().name).toBe('Blé paysan');
  });

  it('rejects unknown fields and bad values, naming each field', async () => {
    const { chain, coordinator } = await buildChain(t);
    const res = await coordinator.patch(
      `/chains/${chain.id}`,
      { name: '', isAdmin: true, publicMinGroupSize: 0 },
      1,
    );
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort();
    expect(paths).toEqual(['body.isAdmin', 'body.name', 'body.publicMinGroupSize']);
  });

  it('lets only coordinators change or delete the chain', async () => {
    const { chain, coordinator } = await buildChain(t);
    const actorId = await insertActor(t.database, chain.id);
    const partner = await addMember(t, coordinator, chain.id, 'partner', actorId);
    const observer = await addMember(t, coordinator, chain.id, 'observer');
    for (const c of [partner.client, observer.client]) {
      expect((await c.get(`/chains/${chain.id}`)).statusCode).toBe(200);
      expect((await c.patch(`/chains/${chain.id}`, { name: 'x' }, 1)).statusCode).toBe(403);
      expect((await c.delete(`/chains/${chain.id}`, 1)).statusCode).toBe(403);
    }
    expect((await coordinator.delete(`/chains/${chain.id}`)).statusCode).toBe(428);
    expect((await coordinator.delete(`/chains/${chain.id}`, 1)).statusCode).toBe(204);
    expect((await coordinator.get(`/chains/${chain.id}`)).statusCode).toBe(404);
  });

  it('answers the capitals of the chain’s framework in the request’s locale', async () => {
    const { chain, coordinator } = await buildChain(t);
    const fr = await coordinator.get(`/chains/${chain.id}/capitals`);
    expect(fr.json()).toHaveLength(8);
    expect(fr.json()[6]).toMatchObject({ key: 'living', label: 'Vivant' });
    const en = await coordinator.get(`/chains/${chain.id}/capitals`, { 'accept-language': 'en-GB,en;q=0.8' });
    expect(en.json()[6]).toMatchObject({ key: 'living', label: 'Living' });
    await coordinator.patch(`/chains/${chain.id}`, { capitalFramework: 'wealthworks' }, 1);
    const ww = await coordinator.get(`/chains/${chain.id}/capitals`);
    expect(ww.json().map((c: { key: string }) => c.key)).toContain('natural');
  });
});

describe('members', () => {
  it('adds members by user id or e-mail; a partner needs an actor of the same chain', async () => {
    const { chain, coordinator } = await buildChain(t);
    const other = await buildChain(t);
    const foreignActor = await insertActor(t.database, other.chain.id);
    const actorId = await insertActor(t.database, chain.id, 'Boulangerie du Marché');
    const user = await buildUser(t.database);
    const url = `/chains/${chain.id}/members`;

    const noActor = await coordinator.post(url, { userId: user.id, role: 'partner' });
    expect(noActor.statusCode).toBe(400);
    expect(noActor.json().errors).toEqual([expect.objectContaining({ path: 'body.actorId' })]);

    const foreign = await coordinator.post(url, { userId: user.id, role: 'partner', actorId: foreignActor });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors).toEqual([expect.objectContaining({ path: 'body.actorId' })]);

    const unknown = await coordinator.post(url, { email: 'personne@example.org', role: 'observer' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ path: 'body.email' })]);

    const ok = await coordinator.post(url, { email: user.email.toUpperCase(), role: 'partner', actorId });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ userId: user.id, role: 'partner', actorId, email: user.email });
    expect((await coordinator.post(url, { userId: user.id, role: 'observer' })).statusCode).toBe(409);

    const partner = await Client.signIn(t.app, user.email);
    const mine = (await partner.get('/chains')).json().items[0];
    expect(mine).toMatchObject({ id: chain.id, myRole: 'partner', myActorId: actorId });
  });

  it('removes access at once when a member is removed', async () => {
    const { chain, coordinator } = await buildChain(t);
    const { user, client } = await addMember(t, coordinator, chain.id, 'observer');
    expect((await client.get(`/chains/${chain.id}`)).statusCode).toBe(200);
    const member = (await coordinator.get(`/chains/${chain.id}/members/${user.id}`)).json();
    expect((await coordinator.delete(`/chains/${chain.id}/members/${user.id}`)).statusCode).toBe(428);
    expect(
      (await coordinator.delete(`/chains/${chain.id}/members/${user.id}`, member.version)).statusCode,
    ).toBe(204);
    expect((await client.get(`/chains/${chain.id}`)).statusCode).toBe(404);
  });

  it('changes a role with If-Match and keeps at least one coordinator', async () => {
    const { chain, coordinator, admin } = await buildChain(t);
    const { user } = await addMember(t, coordinator, chain.id, 'observer');
    const url = `/chains/${chain.id}/members/${user.id}`;
    const promoted = await coordinator.patch(url, { role: 'coordinator' }, 1);
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json()).toMatchObject({ role: 'coordinator', version: 2 });
    expect((await coordinator.patch(url, { role: 'observer' }, 1)).statusCode).toBe(412);
    // Demote the admin's own membership: one coordinator remains, then the last one is protected.
    const self = `/chains/${chain.id}/members/${admin.id}`;
    expect((await coordinator.patch(self, { role: 'observer' }, 1)).statusCode).toBe(200);
    const last = await coordinator.patch(url, { role: 'observer' }, 2);
    expect(last.statusCode).toBe(409);
    expect((await coordinator.delete(url, 2)).statusCode).toBe(409);
  });

  it('shows members’ e-mail addresses to coordinators only', async () => {
    const { chain, coordinator } = await buildChain(t);
    const { client } = await addMember(t, coordinator, chain.id, 'observer');
    const seen = (await client.get(`/chains/${chain.id}/members`)).json().items;
    expect(seen.every((m: { email: string }) => m.email === '')).toBe(true);
    expect(
      (await client.post(`/chains/${chain.id}/members`, { email: 'a@b.org', role: 'observer' })).statusCode,
    ).toBe(403);
  });

  it('pages through members with a cursor', async () => {
    const { chain, coordinator } = await buildChain(t);
    for (let i = 0; i < 4; i++) await addMember(t, coordinator, chain.id, 'observer');
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await coordinator.get(
        `/chains/${chain.id}/members?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.statusCode).toBe(200);
      const body: { items: { id: string }[]; nextCursor: string | null } = res.json();
      seen.push(...body.items.map((m) => m.id));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
    expect((await coordinator.get(`/chains/${chain.id}/members?limit=501`)).statusCode).toBe(400);
    const bad = await coordinator.get(`/chains/${chain.id}/members?cursor=zzz`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('querystring.cursor');
  });
});

describe('audit', () => {
  it('records who changed what, before and after, readable by coordinators only', async () => {
    const { chain, coordinator, admin } = await buildChain(t);
    await coordinator.patch(`/chains/${chain.id}`, { region: 'Diois' }, 1);
    const { user, client } = await addMember(t, coordinator, chain.id, 'observer');
    const res = await coordinator.get(`/chains/${chain.id}/audit?entityId=${chain.id}`);
    expect(res.statusCode).toBe(200);
    const [update, create] = res.json().items;
    expect(update).toMatchObject({
      userId: admin.id,
      action: 'update',
      entityType: 'chain',
      entityId: chain.id,
      changes: { region: { before: 'Drôme', after: 'Diois' } },
    });
    expect(Object.keys(update.changes)).toEqual(['region']);
    expect(create).toMatchObject({ action: 'create', entityType: 'chain' });
    const all = (await coordinator.get(`/chains/${chain.id}/audit`)).json().items;
    expect(all[0]).toMatchObject({
      entityType: 'member',
      action: 'create',
      changes: { userId: { before: null, after: user.id } },
    });
    expect((await client.get(`/chains/${chain.id}/audit`)).statusCode).toBe(403);
  });

  it('is append-only for the application', async () => {
    const { chain } = await buildChain(t);
    const { sql } = await import('drizzle-orm');
    await expect(
      t.database.db.execute(sql`update audit_log set action = 'delete' where chain_id = ${chain.id}`),
    ).rejects.toThrow();
    await expect(
      t.database.db.execute(sql`delete from audit_log where chain_id = ${chain.id}`),
    ).rejects.toThrow();
  });
});
