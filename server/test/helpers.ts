import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app';
import { type Database, openDatabase } from '../src/db/client';
import type { App } from '../src/http/types';
import { randomToken } from '../src/lib/ids';
import { createUser } from '../src/modules/auth/auth.service';

/** Which database the server tests run on: PGlite by default, PostgreSQL in the `server-postgres` project. */
export const TEST_DB = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/** A fresh, migrated database: in-memory PGlite, or a new database on the TEST_DATABASE_URL server. */
export async function createTestDatabase(): Promise<Database & { drop(): Promise<void> }> {
  if (TEST_DB === 'pglite') {
    const database = await openDatabase({ memory: true });
    await database.migrate();
    return { ...database, drop: () => database.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is required for the PostgreSQL test project');
  const name = `tisserand_test_${randomToken(6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 5 });
  await database.migrate();
  return {
    ...database,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TestApp {
  app: App;
  database: Database;
  close(): Promise<void>;
}

export async function createTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const app = await buildApp({ database });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export const PASSWORD = 'correct-horse-battery-staple';

let counter = 0;
/** A user with a unique e-mail; `password` is always PASSWORD unless overridden. */
export async function buildUser(
  database: Database,
  overrides: { email?: string; name?: string; isAdmin?: boolean; locale?: 'fr' | 'en' } = {},
) {
  counter += 1;
  return createUser(database.db, {
    email: overrides.email ?? `user${counter}-${randomToken(4).toLowerCase()}@example.org`,
    name: overrides.name ?? `User ${counter}`,
    password: PASSWORD,
    isAdmin: overrides.isAdmin,
    locale: overrides.locale,
  });
}

/** A signed-in browser: sends the session cookie and, on writes, the CSRF token. */
export class Client {
  constructor(
    private readonly app: App,
    readonly cookie: string | null,
    readonly csrfToken: string | null,
    readonly bearer: string | null = null,
  ) {}

  static anonymous(app: App) {
    return new Client(app, null, null);
  }

  static async signIn(app: App, email: string, password = PASSWORD) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'tisserand_session');
    if (!cookie) throw new Error('no session cookie');
    return new Client(app, `${cookie.name}=${cookie.value}`, res.json().csrfToken);
  }

  static withToken(app: App, token: string) {
    return new Client(app, null, null, token);
  }

  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    if (this.csrfToken && method !== 'GET' && h['x-csrf-token'] === undefined)
      h['x-csrf-token'] = this.csrfToken;
    return this.app.inject({
      method,
      url: url.startsWith('/api') ? url : `/api/v1${url}`,
      headers: h,
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, undefined, headers);
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', url, body ?? {}, headers);
  }
  put(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('PUT', url, body, headers);
  }
  patch(url: string, body: unknown, ifMatch?: string | number, headers: Record<string, string> = {}) {
    return this.request(
      'PATCH',
      url,
      body,
      ifMatch === undefined ? headers : { ...headers, 'if-match': `"${ifMatch}"` },
    );
  }
  delete(url: string, ifMatch?: string | number, headers: Record<string, string> = {}) {
    return this.request(
      'DELETE',
      url,
      undefined,
      ifMatch === undefined ? headers : { ...headers, 'if-match': `"${ifMatch}"` },
    );
  }
}

/** An actor row written straight to the database (the actors API comes with the meta-vision module). */
export async function insertActor(database: Database, chainId: string, name = 'Moulin') {
  const { actors } = await import('../src/db/schema/index');
  const { newId } = await import('../src/lib/ids');
  const id = newId();
  await database.db
    .insert(actors)
    .values({ chainId, id, name, kind: 'business', role: 'transactional', status: 'engaged' });
  return id;
}

/** A chain created by a fresh admin, with a coordinator client. */
export async function buildChain(t: TestApp, body: Record<string, unknown> = {}) {
  const admin = await buildUser(t.database, { isAdmin: true });
  const coordinator = await Client.signIn(t.app, admin.email);
  const res = await coordinator.post('/chains', { name: 'Filière blé', region: 'Drôme', ...body });
  if (res.statusCode !== 201) throw new Error(`chain creation failed: ${res.body}`);
  return { chain: res.json() as { id: string; version: number }, coordinator, admin };
}

/** Adds a new user to a chain with a role and answers a signed-in client for them. */
export async function addMember(
  t: TestApp,
  coordinator: Client,
  chainId: string,
  role: 'coordinator' | 'partner' | 'observer',
  actorId?: string,
) {
  const user = await buildUser(t.database);
  const res = await coordinator.post(`/chains/${chainId}/members`, {
    userId: user.id,
    role,
    ...(actorId ? { actorId } : {}),
  });
  if (res.statusCode !== 201) throw new Error(`member creation failed: ${res.body}`);
  return { user, client: await Client.signIn(t.app, user.email), member: res.json() as { version: number } };
}
