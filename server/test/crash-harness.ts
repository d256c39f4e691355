/**
 * Crash harness: runs `tisserand start` in a child process, writes through the HTTP API while
 * recording every write that was acknowledged (2xx received), kills the process with SIGKILL at a
 * random moment, restarts it on the same data and checks that nothing acknowledged was lost.
 * Used by `crash.test.ts` (short form in `npm test`, long form with TISSERAND_SOAK=1).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'tisserand.mjs');
export const DEMO_COORDINATOR = 'coordination@demo.tisserand.org';
export const DEMO_PASSWORD = 'tisserand-demo';

export interface ServerProcess {
  url: string;
  pid: number;
  output(): string;
  /** SIGKILL: no shutdown hook runs, exactly like a crash or a power cut of the process. */
  kill9(): Promise<void>;
  /** SIGTERM, the orderly stop. */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts `tisserand start --dev` (no web build) on a free port; resolves once it is ready. */
export async function startTisserand(
  env: Record<string, string>,
  timeoutMs = 180_000,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [BIN, 'start', '--dev'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`tisserand did not start in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /is ready at (http\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`tisserand exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
  return {
    url: url.replace('localhost', '127.0.0.1'),
    pid: child.pid ?? 0,
    output: () => output,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited(child);
    },
  };
}

/** A fresh database on the TEST_DATABASE_URL server, dropped by `drop()`. */
export async function createPostgresDatabase(adminUrl: string, prefix: string) {
  const name = `${prefix}_${Math.random().toString(36).slice(2, 10)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export class HttpClient {
  constructor(
    public base: string,
    private cookie = '',
    private csrf = '',
  ) {}

  static async signIn(base: string, email = DEMO_COORDINATOR, password = DEMO_PASSWORD) {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const body = (await res.json()) as { csrfToken: string };
    return new HttpClient(base, cookie, body.csrfToken);
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: unknown; headers: Headers }> {
    const h: Record<string, string> = { cookie: this.cookie, ...headers };
    if (method !== 'GET') h['x-csrf-token'] = this.csrf;
    let payload: string | undefined;
    if (typeof body === 'string') payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] = 'application/json';
    }
    const res = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: h,
      body: payload,
      signal: AbortSignal.timeout(60_000),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  async json<T>(method: string, path: string, body?: unknown, expected = 200): Promise<T> {
    const res = await this.request(method, path, body);
    if (res.status !== expected)
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
    return res.body as T;
  }

  /** Every item of a cursor-paginated list. */
  async all<T>(path: string): Promise<T[]> {
    const out: T[] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const page: { items: T[]; nextCursor: string | null } = await this.json(
        'GET',
        `${path}${sep}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }
}

type State = { version: number; description: string };
interface ActorEntry {
  id: string;
  name: string;
  acked: State;
  /** A write sent whose answer never came: it may or may not have committed. */
  pending?: State;
  busy: boolean;
}
interface ObservationEntry {
  actorId: string;
  acked?: number;
  pending?: number;
  busy: boolean;
}
interface ImportEntry {
  prefix: string;
  rows: number;
  /** The import job's id once the 202 was received. */
  id?: string;
}

interface ActorRow {
  id: string;
  name: string;
  version: number;
  description: string | null;
}

/** Is it a network failure (the server died), as opposed to an answer? */
const isNetworkError = (err: unknown) =>
  err instanceof TypeError ||
  (err as Error)?.name === 'TimeoutError' ||
  (err as Error)?.name === 'AbortError';

/**
 * What was acknowledged, and what may have happened without an answer. Writes on one actor are
 * never concurrent, so every acknowledged write has exactly one expected content.
 */
export class Ledger {
  chainId = '';
  indicatorId = '';
  period = '';
  actors = new Map<string, ActorEntry>();
  observations = new Map<string, ObservationEntry>();
  imports: ImportEntry[] = [];
  acknowledged = 0;
  private counter = 0;

  constructor(private tag: string) {}

  /** Finds the demo chain and an indicator every actor may report. */
  async setUp(client: HttpClient) {
    const chains = await client.json<{ items: { id: string }[] }>('GET', '/chains');
    this.chainId = chains.items[0]?.id ?? '';
    if (!this.chainId) throw new Error('no chain to write to');
    const indicators = await client.all<{
      id: string;
      valueType: string;
      status: string;
      aggregation: string;
      reporters: string;
      periodicity: 'month' | 'quarter' | 'year';
    }>(`/chains/${this.chainId}/indicators`);
    const indicator = indicators.find(
      (i) =>
        i.valueType === 'number' &&
        i.status !== 'retired' &&
        i.aggregation !== 'ratio' &&
        i.reporters !== 'stages',
    );
    if (!indicator) throw new Error('no indicator to write observations to');
    this.indicatorId = indicator.id;
    this.period = { month: '2025-03', quarter: '2025-Q1', year: '2025' }[indicator.periodicity];
  }

  private next() {
    this.counter += 1;
    return this.counter;
  }

  private idle<T extends { busy: boolean }>(map: Map<string, T>): T | undefined {
    const free = [...map.values()].filter((e) => !e.busy);
    return free[Math.floor(Math.random() * free.length)];
  }

  /** One random write; answers false once the server is gone. */
  async step(client: HttpClient, cycle: number): Promise<boolean> {
    const roll = Math.random();
    try {
      if (roll < 0.3 || this.actors.size < 3) await this.createActor(client);
      else if (roll < 0.65) await this.patchActor(client);
      else if (roll < 0.93) await this.putObservation(client);
      else await this.startImport(client, cycle);
      return true;
    } catch (err) {
      if (isNetworkError(err)) return false;
      throw err;
    }
  }

  async createActor(client: HttpClient) {
    const name = `crash-${this.tag}-${this.next()}`;
    const res = await client.request('POST', `/chains/${this.chainId}/actors`, {
      name,
      kind: 'business',
      role: 'transactional',
      description: 'd0',
    });
    if (res.status !== 201) throw new Error(`create actor: ${res.status} ${JSON.stringify(res.body)}`);
    const body = res.body as ActorRow;
    this.actors.set(body.id, {
      id: body.id,
      name,
      acked: { version: body.version, description: 'd0' },
      busy: false,
    });
    this.acknowledged += 1;
  }

  async patchActor(client: HttpClient) {
    const actor = this.idle(this.actors);
    if (!actor) return;
    actor.busy = true;
    const description = `d${this.next()}`;
    actor.pending = { version: actor.acked.version + 1, description };
    const res = await client.request(
      'PATCH',
      `/chains/${this.chainId}/actors/${actor.id}`,
      { description },
      { 'if-match': `"${actor.acked.version}"` },
    );
    if (res.status !== 200) throw new Error(`patch actor: ${res.status} ${JSON.stringify(res.body)}`);
    const body = res.body as ActorRow;
    actor.acked = { version: body.version, description };
    actor.pending = undefined;
    actor.busy = false;
    this.acknowledged += 1;
  }

  async putObservation(client: HttpClient) {
    const actor = [...this.actors.values()].find((a) => !this.observations.get(a.id)?.busy && !a.pending);
    if (!actor) return;
    const entry = this.observations.get(actor.id) ?? { actorId: actor.id, busy: false };
    this.observations.set(actor.id, entry);
    entry.busy = true;
    const value = this.next();
    entry.pending = value;
    const res = await client.request('PUT', `/chains/${this.chainId}/observations`, {
      items: [{ indicatorId: this.indicatorId, actorId: actor.id, period: this.period, value }],
    });
    if (res.status !== 200) throw new Error(`put observations: ${res.status} ${JSON.stringify(res.body)}`);
    entry.acked = value;
    entry.pending = undefined;
    entry.busy = false;
    this.acknowledged += 1;
  }

  async startImport(client: HttpClient, cycle: number) {
    if (this.imports.some((i) => i.prefix.startsWith(`imp-${this.tag}-c${cycle}-`))) return;
    const prefix = `imp-${this.tag}-c${cycle}-${this.next()}-`;
    const rows = 400;
    const entry: ImportEntry = { prefix, rows };
    this.imports.push(entry);
    const csv = ['name,kind,role,description']
      .concat(Array.from({ length: rows }, (_, i) => `${prefix}${i},business,support,imported`))
      .join('\n');
    const res = await client.request('POST', `/chains/${this.chainId}/imports?kind=actors`, csv, {
      'content-type': 'text/csv',
    });
    if (res.status !== 202) throw new Error(`import: ${res.status} ${JSON.stringify(res.body)}`);
    entry.id = (res.body as { id: string }).id;
    this.acknowledged += 1;
  }

  /**
   * Checks the restarted server against the ledger and throws on the first loss; then takes what
   * the server holds as the new acknowledged state (a pending write that did commit is kept).
   */
  async verify(client: HttpClient, engine: 'pglite' | 'postgres'): Promise<{ checked: number }> {
    const health = await client.request('GET', '/health');
    if (health.status !== 200) throw new Error(`health: ${health.status} ${JSON.stringify(health.body)}`);
    const rows = await client.all<ActorRow>(`/chains/${this.chainId}/actors`);
    const byId = new Map(rows.map((r) => [r.id, r]));
    let checked = 0;
    for (const actor of this.actors.values()) {
      const row = byId.get(actor.id);
      if (!row) throw new Error(`acknowledged actor ${actor.name} (${actor.id}) is missing`);
      const got = { version: row.version, description: row.description ?? '' };
      const same = (s?: State) => s && s.version === got.version && s.description === got.description;
      if (!same(actor.acked) && !same(actor.pending))
        throw new Error(
          `actor ${actor.name}: acknowledged ${JSON.stringify(actor.acked)}${actor.pending ? ` (or unanswered ${JSON.stringify(actor.pending)})` : ''}, found ${JSON.stringify(got)}`,
        );
      actor.acked = got;
      actor.pending = undefined;
      actor.busy = false;
      checked += 1;
    }
    const observations = await client.all<{ actorId: string | null; value: number }>(
      `/chains/${this.chainId}/observations?indicatorId=${this.indicatorId}&period=${this.period}`,
    );
    const values = new Map(observations.map((o) => [o.actorId, o.value]));
    for (const entry of this.observations.values()) {
      const got = values.get(entry.actorId);
      const ok = got === entry.acked || (entry.pending !== undefined && got === entry.pending);
      if (!ok)
        throw new Error(
          `observation of ${entry.actorId}: acknowledged ${entry.acked}${entry.pending !== undefined ? ` (or unanswered ${entry.pending})` : ''}, found ${got}`,
        );
      entry.acked = got;
      entry.pending = undefined;
      entry.busy = false;
      checked += 1;
    }
    for (const imp of this.imports) {
      const present = rows.filter((r) => r.name.startsWith(imp.prefix)).length;
      if (present !== 0 && present !== imp.rows)
        throw new Error(`partial import ${imp.prefix}: ${present} of ${imp.rows} rows`);
      if (imp.id) {
        const job = await client.json<{ status: string; imported: number }>(
          'GET',
          `/chains/${this.chainId}/imports/${imp.id}`,
        );
        if (job.status === 'succeeded' && present !== imp.rows)
          throw new Error(`import ${imp.id} succeeded but ${present} of ${imp.rows} rows are there`);
        if (job.status !== 'succeeded' && present !== 0)
          throw new Error(`import ${imp.id} is ${job.status} but ${present} rows are there`);
        // On the embedded database the restart fails every import it cut short; on PostgreSQL
        // another server might still run it, so it is failed once silent for STALE_AFTER_MS.
        if (engine === 'pglite' && job.status === 'running')
          throw new Error(`import ${imp.id} is still "running" after the restart`);
      }
      checked += 1;
    }
    return { checked };
  }
}

/** Writes with `workers` concurrent loops until the server is gone. */
export async function writeUntilKilled(ledger: Ledger, client: HttpClient, cycle: number, workers = 3) {
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (await ledger.step(client, cycle)) {
        // keep writing
      }
    }),
  );
}
