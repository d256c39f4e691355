/**
 * Synthetic chains for the benchmarks, deterministic by seed (mulberry32): 6–8 stages, actors with
 * realistic shares of roles, kinds and statuses, product flows one stage forward and money flowing
 * back with skewed (hub-heavy, power-law-ish) degrees, support flows, dated and planned/broken
 * flows, offers and needs with spelling variants, monthly and quarterly indicators.
 *
 * It writes a chain (a) straight into a database with a few bulk SQL statements, (b) as an edge
 * list for networkx/igraph, (c) as an observations CSV for the import benchmark.
 *
 * Observation shape (`writeObservations`): every actor reports every indicator over `months`
 * months from 2022-01 (monthly indicators: one value a month; every tenth indicator is quarterly:
 * one value a quarter). About 94 % are approved, 5 % submitted, 1 % drafts. One indicator's series
 * therefore reads `actors × months` rows, whatever the total.
 */
import { writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { GapInput } from '../core/src/gaps/analyse';
import { type Database, queryRows } from '../server/src/db/client';
import { newId } from '../server/src/lib/ids';
import { createToken, createUser } from '../server/src/modules/auth/auth.service';

const STAGE_NAMES = [
  'Production',
  'Collecte',
  'Transformation',
  'Agrégation',
  'Logistique',
  'Distribution',
  'Commercialisation',
  'Consommation',
];
const RESOURCES = [
  'Blé',
  'Farine T80',
  'Farine T65',
  'Lait cru',
  'Fromage de chèvre',
  'Œufs',
  'Miel',
  'Huile de noix',
  'Lavande',
  'Bois de chauffage',
  'Stockage froid',
  'Transport frigorifique',
  'Conseil comptable',
  'Formation bio',
  'Local de vente',
  'Pain',
  'Légumes de saison',
  'Fruits',
  'Vin',
  'Semences',
];
const UNITS = ['kg', 't', 'L', 'h', 'unités'];
export const CAPITALS = [
  'financial',
  'material',
  'social',
  'intellectual',
  'cultural',
  'spiritual',
  'living',
  'experiential',
];
const KINDS = ['business', 'organisation', 'agency', 'collective', 'person', 'community'] as const;
const CATEGORIES = ['supply', 'demand', 'process', 'impact', 'context'] as const;
const SUPPORT_KINDS = ['finance', 'technical_assistance', 'training', 'research', 'policy', 'other'] as const;

type Role = 'demand' | 'transactional' | 'support';
type ActorStatus = 'potential' | 'engaged' | 'committed' | 'inactive';
type FlowType = 'product' | 'money' | 'service' | 'information' | 'support';

export interface GenActor {
  id: string;
  name: string;
  kind: (typeof KINDS)[number];
  role: Role;
  status: ActorStatus;
  stageIds: string[];
  inRegion: boolean;
  localOwnershipPct: number;
  employees: number;
}
export interface GenFlow {
  id: string;
  /** Indices into `actors` (the edge list uses them). */
  source: number;
  target: number;
  sourceId: string;
  targetId: string;
  type: FlowType;
  supportKind: (typeof SUPPORT_KINDS)[number] | null;
  status: 'active' | 'planned' | 'broken';
  since: string | null;
  until: string | null;
  value: number | null;
  quantity: number | null;
  unit: string | null;
  product: string | null;
}
export interface GenIndicator {
  id: string;
  code: string;
  name: string;
  category: (typeof CATEGORIES)[number];
  periodicity: 'month' | 'quarter';
  aggregation: 'sum' | 'mean';
  capitals: string[];
}
export interface GeneratedChain {
  seed: number;
  chainId: string;
  stages: { id: string; name: string; position: number }[];
  actors: GenActor[];
  flows: GenFlow[];
  intents: {
    id: string;
    actorId: string;
    direction: 'offer' | 'need';
    resource: string;
    quantity: number | null;
    unit: string | null;
  }[];
  indicators: GenIndicator[];
}

export interface ChainShape {
  actors: number;
  flows: number;
  /** Indicators defined in the chain (observations are written separately). */
  indicators?: number;
  seed?: number;
}

/** Deterministic PRNG (mulberry32): the same seed gives the same chain. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic, valid UUID (version 7 layout) for item `i` of a kind. */
export function benchUuid(kind: number, i: number, seed = 1): string {
  return `${(i >>> 0).toString(16).padStart(8, '0')}-0000-7000-8${kind.toString(16).padStart(3, '0')}-${(seed >>> 0).toString(16).padStart(12, '0')}`;
}
const K = { chain: 0, stage: 1, actor: 2, flow: 3, intent: 4, indicator: 5 } as const;

/** Generates a chain of the given shape; the same shape and seed give the same chain. */
export function generateChain(shape: ChainShape): GeneratedChain {
  const seed = shape.seed ?? 42;
  const rand = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  // Skewed choice: low indices are picked far more often, which makes hubs (big mills, wholesalers).
  const skewed = (n: number): number => Math.min(n - 1, Math.floor(n * rand() ** 3));
  const date = (from: number, to: number): string => {
    const year = from + Math.floor(rand() * (to - from + 1));
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  };
  const nActors = shape.actors;
  const nStages = 6 + Math.floor(rand() * 3);
  // The first stages and the consumers' stage always exist; the middle ones vary with the seed.
  const names = [...STAGE_NAMES.slice(0, nStages - 1), STAGE_NAMES[STAGE_NAMES.length - 1] as string];
  const stages = names.map((name, i) => ({ id: benchUuid(K.stage, i, seed), name, position: i + 1 }));
  const last = nStages - 1;

  const actors: GenActor[] = [];
  const byStage: number[][] = stages.map(() => []);
  const support: number[] = [];
  for (let i = 0; i < nActors; i++) {
    const r = rand();
    const role: Role = r < 0.12 ? 'demand' : r < 0.85 ? 'transactional' : 'support';
    const s = rand();
    const status: ActorStatus =
      s < 0.15 ? 'potential' : s < 0.6 ? 'engaged' : s < 0.95 ? 'committed' : 'inactive';
    let stageIdx: number[] = [];
    if (role === 'transactional') {
      const first = Math.floor(rand() * last);
      stageIdx = rand() < 0.15 && first + 1 < last ? [first, first + 1] : [first];
    } else if (role === 'demand') {
      stageIdx = [last];
    } else {
      support.push(i);
    }
    for (const st of stageIdx) byStage[st]?.push(i);
    actors.push({
      id: benchUuid(K.actor, i, seed),
      name: `Acteur ${i}`,
      kind: role === 'demand' ? pick(['person', 'community', 'business'] as const) : pick(KINDS),
      role,
      status,
      stageIds: stageIdx.map((st) => stages[st]?.id ?? ''),
      inRegion: rand() < 0.7,
      localOwnershipPct: Math.floor(rand() * 101),
      employees: Math.floor(1 + 200 * rand() ** 4),
    });
  }

  const flows: GenFlow[] = [];
  const stageOf = (i: number) => {
    const s = Math.floor(rand() * last);
    return byStage[s]?.length && byStage[s + 1]?.length ? s : i % last;
  };
  for (let f = 0; flows.length < shape.flows && f < shape.flows * 2; f++) {
    const t = rand();
    const st = rand();
    const status = st < 0.85 ? 'active' : st < 0.93 ? 'planned' : 'broken';
    const since = rand() < 0.7 ? date(2015, 2025) : null;
    const until = status === 'broken' || rand() < 0.1 ? date(2020, 2027) : null;
    let source = 0;
    let target = 0;
    let type: FlowType;
    if (t < 0.5 || t >= 0.9 || support.length === 0) {
      // Product (or service / information) one stage forward: stage s → stage s + 1.
      const s = stageOf(f);
      const from = byStage[s] ?? [];
      const to = byStage[s + 1] ?? [];
      if (from.length === 0 || to.length === 0) continue;
      source = from[skewed(from.length)] ?? 0;
      target = to[skewed(to.length)] ?? 0;
      type = t < 0.5 ? 'product' : rand() < 0.5 ? 'service' : 'information';
    } else if (t < 0.75) {
      // Money runs backwards, buyer → seller.
      const s = stageOf(f);
      const from = byStage[s + 1] ?? [];
      const to = byStage[s] ?? [];
      if (from.length === 0 || to.length === 0) continue;
      source = from[skewed(from.length)] ?? 0;
      target = to[skewed(to.length)] ?? 0;
      type = 'money';
    } else {
      source = support[skewed(support.length)] ?? 0;
      target = Math.floor(rand() * nActors);
      type = 'support';
    }
    const i = flows.length;
    flows.push({
      id: benchUuid(K.flow, i, seed),
      source,
      target,
      sourceId: actors[source]?.id ?? '',
      targetId: actors[target]?.id ?? '',
      type,
      supportKind: type === 'support' ? pick(SUPPORT_KINDS) : null,
      status,
      since,
      until: until && since && until < since ? null : until,
      value: type === 'money' ? Math.round(rand() * 50_000) : null,
      quantity: type === 'product' ? Math.round(rand() * 1000) : null,
      unit: type === 'product' ? pick(UNITS) : null,
      product: type === 'product' ? pick(RESOURCES) : null,
    });
  }

  const intents: GeneratedChain['intents'] = [];
  const nIntents = Math.floor(nActors * 0.8);
  for (let i = 0; i < nIntents; i++) {
    const base = pick(RESOURCES);
    // Spelling variants the normalisation must fold together.
    const v = rand();
    const resource = v < 0.2 ? base.toUpperCase() : v < 0.3 ? `${base.toLowerCase()} ` : base;
    intents.push({
      id: benchUuid(K.intent, i, seed),
      actorId: actors[Math.floor(rand() * nActors)]?.id ?? '',
      direction: rand() < 0.5 ? 'offer' : 'need',
      resource: rand() < 0.02 ? `${base} spécial ${i}` : resource.trim(),
      quantity: rand() < 0.8 ? Math.round(rand() * 500) : null,
      unit: rand() < 0.9 ? pick(UNITS) : null,
    });
  }

  const indicators: GenIndicator[] = Array.from({ length: shape.indicators ?? 10 }, (_, i) => ({
    id: benchUuid(K.indicator, i, seed),
    code: `IND${String(i + 1).padStart(2, '0')}`,
    name: `Indicateur ${i + 1}`,
    category: CATEGORIES[i % CATEGORIES.length] ?? 'supply',
    // Every tenth indicator is collected by quarter.
    periodicity: i % 10 === 9 ? 'quarter' : 'month',
    aggregation: i % 3 === 2 ? 'mean' : 'sum',
    capitals: [CAPITALS[i % CAPITALS.length] ?? 'financial'],
  }));
  return { seed, chainId: benchUuid(K.chain, 0, seed), stages, actors, flows, intents, indicators };
}

/** The chain as the gap analysis takes it (the same fields `gapInput` builds on the server). */
export function toGapInput(chain: GeneratedChain): GapInput {
  const rand = prng(chain.seed + 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const input: GapInput = {
    today: '2025-06-15',
    locale: 'fr',
    capitals: CAPITALS.map((key) => ({ key, label: key })),
    stages: chain.stages,
    actors: chain.actors.map((a) => ({
      id: a.id,
      name: a.name,
      role: a.role,
      status: a.status,
      stageIds: a.stageIds,
      inRegion: a.inRegion,
      localOwnershipPct: a.localOwnershipPct,
    })),
    flows: chain.flows.map(({ source: _s, target: _t, ...f }) => f),
    intents: chain.intents,
    goals: CAPITALS.slice(0, 4).map((c, i) => ({
      id: benchUuid(9, i),
      status: i % 2 ? 'adopted' : 'proposed',
      capitals: [c],
    })),
    indicators: chain.indicators.map((n) => ({ id: n.id, status: 'adopted', capitals: n.capitals })),
    resources: Array.from({ length: 200 }, (_, i) => ({
      id: benchUuid(10, i),
      name: `${pick(RESOURCES)} — programme ${i}`,
      kind: pick(['technical_assistance', 'funding', 'training', 'policy']),
      capitals: [pick(CAPITALS)],
      gapKeys: i % 10 === 0 ? ['wealth_leakage:chain'] : [],
      status: pick(['identified', 'contacted', 'applied', 'obtained', 'declined']),
    })),
  };
  // Rows decoded from the database hold flat strings; template-built ids are rope strings, which
  // would make every id lookup of the analysis look slower than it is in production.
  return JSON.parse(JSON.stringify(input)) as GapInput;
}

/** Undirected edge list (actor indices), for networkx and igraph: first line `# nodes N`. */
export function writeEdgeList(chain: GeneratedChain, path: string) {
  const lines = [`# nodes ${chain.actors.length}`];
  for (const f of chain.flows) lines.push(`${f.source} ${f.target}`);
  writeFileSync(path, `${lines.join('\n')}\n`);
}

const CHUNK = 20_000;

/** Inserts rows through one `json_to_recordset` statement per chunk (the same on both engines). */
async function insertJson(
  database: Database,
  table: string,
  columns: string,
  recordType: string,
  rows: Record<string, unknown>[],
) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(rows.slice(i, i + CHUNK));
    await database.db.execute(
      sql.raw(
        `insert into ${table} (${columns}) select ${columns} from json_to_recordset('${json.replace(/'/g, "''")}'::json) as x(${recordType})`,
      ),
    );
  }
}

/** Writes the chain (stages, actors and their stages, flows, intents, indicators) into the database. */
export async function writeChain(database: Database, chain: GeneratedChain) {
  const db = database.db;
  const chainId = chain.chainId;
  await db.execute(
    sql`insert into chains (id, name, region) values (${chainId}, ${`Chaîne de banc ${chain.seed}`}, 'Banc')`,
  );
  const c = { chain_id: chainId };
  await insertJson(
    database,
    'stages',
    'chain_id, id, name, position',
    'chain_id uuid, id uuid, name text, position int',
    chain.stages.map((s) => ({ ...c, id: s.id, name: s.name, position: s.position })),
  );
  await insertJson(
    database,
    'actors',
    'chain_id, id, name, kind, role, status, in_region, local_ownership_pct, employees',
    'chain_id uuid, id uuid, name text, kind text, role text, status text, in_region boolean, local_ownership_pct float8, employees int',
    chain.actors.map((a) => ({
      ...c,
      id: a.id,
      name: a.name,
      kind: a.kind,
      role: a.role,
      status: a.status,
      in_region: a.inRegion,
      local_ownership_pct: a.localOwnershipPct,
      employees: a.employees,
    })),
  );
  await insertJson(
    database,
    'actor_stages',
    'chain_id, actor_id, stage_id',
    'chain_id uuid, actor_id uuid, stage_id uuid',
    chain.actors.flatMap((a) => a.stageIds.map((stageId) => ({ ...c, actor_id: a.id, stage_id: stageId }))),
  );
  await insertJson(
    database,
    'flows',
    'chain_id, id, source_id, target_id, type, support_kind, product, quantity, unit, value, status, since, until',
    'chain_id uuid, id uuid, source_id uuid, target_id uuid, type text, support_kind text, product text, quantity float8, unit text, value float8, status text, since date, until date',
    chain.flows.map((f) => ({
      ...c,
      id: f.id,
      source_id: f.sourceId,
      target_id: f.targetId,
      type: f.type,
      support_kind: f.supportKind,
      product: f.product,
      quantity: f.quantity,
      unit: f.unit,
      value: f.value,
      status: f.status,
      since: f.since,
      until: f.until,
    })),
  );
  await insertJson(
    database,
    'intents',
    'chain_id, id, actor_id, direction, resource, quantity, unit',
    'chain_id uuid, id uuid, actor_id uuid, direction text, resource text, quantity float8, unit text',
    chain.intents.map((i) => ({
      ...c,
      id: i.id,
      actor_id: i.actorId,
      direction: i.direction,
      resource: i.resource,
      quantity: i.quantity,
      unit: i.unit,
    })),
  );
  await insertJson(
    database,
    'indicators',
    'chain_id, id, code, name, category, capitals, value_type, aggregation, periodicity, direction, reporters, status, confidentiality',
    'chain_id uuid, id uuid, code text, name text, category text, capitals text[], value_type text, aggregation text, periodicity text, direction text, reporters text, status text, confidentiality text',
    chain.indicators.map((n) => ({
      ...c,
      id: n.id,
      code: n.code,
      name: n.name,
      category: n.category,
      capitals: n.capitals,
      value_type: 'number',
      aggregation: n.aggregation,
      periodicity: n.periodicity,
      direction: 'increase',
      reporters: 'all',
      status: 'adopted',
      confidentiality: 'aggregate',
    })),
  );
}

/** First month of the observations written by `writeObservations`. */
export const FIRST_MONTH = '2022-01-01';

/**
 * Every actor reports every indicator over `months` months from FIRST_MONTH (quarterly indicators:
 * one value a quarter), in one INSERT … SELECT per indicator; values and statuses are
 * deterministic (hashes of the ids). Answers the number of rows written.
 *
 * A fixture, not the write path: the rows go in with triggers off (`session_replication_role =
 * replica`), then the roll-ups of migration 0011 (`observation_rollups`, when the table exists) are
 * built in one GROUP BY, as its triggers would leave them. The series benchmark checks that the
 * series read from them equals a GROUP BY over the raw rows.
 */
export async function writeObservations(database: Database, chain: GeneratedChain, months: number) {
  const db = database.db;
  const chainId = chain.chainId;
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    for (const n of chain.indicators) {
      const step = n.periodicity === 'quarter' ? 3 : 1;
      const period =
        n.periodicity === 'quarter'
          ? sql`to_char(d, 'YYYY') || '-Q' || extract(quarter from d)::int`
          : sql`to_char(d, 'YYYY-MM')`;
      await tx.execute(sql`insert into observations (chain_id, id, indicator_id, actor_id, period, period_start, value, status, source)
        select ${chainId}::uuid, gen_random_uuid(), ${n.id}::uuid, a.id, ${period}, d::date,
          (abs(h) % 100000) / 100.0 * (1 + (a.employees % 7)),
          case when abs(h) % 100 = 0 then 'draft' when abs(h) % 100 <= 5 then 'submitted' else 'approved' end,
          'import'
        from actors a
        cross join lateral generate_series(${FIRST_MONTH}::date, ${FIRST_MONTH}::date + ${`${months - 1} months`}::interval, ${`${step} months`}::interval) d
        cross join lateral (select hashtext(a.id::text || ${`:${n.code}:${chain.seed}:`} || d::text) h) x
        where a.chain_id = ${chainId}`);
    }
    const rollups = await queryRows<{ t: string | null }>(
      tx,
      sql`select to_regclass('observation_rollups')::text t`,
    );
    if (rollups[0]?.t) {
      await tx.execute(sql`insert into observation_rollups
          (chain_id, indicator_id, periodicity, bucket, actor_key, status, bucket_start, year_start,
           sum, count, min, max, latest, latest_start)
        select o.chain_id, o.indicator_id, b.periodicity, b.bucket,
          coalesce(o.actor_id, '00000000-0000-0000-0000-000000000000'::uuid), o.status, b.bucket_start,
          date_trunc('year', o.period_start)::date,
          sum(o.value), count(*)::int, min(o.value), max(o.value),
          (array_agg(o.value order by o.period_start desc))[1], max(o.period_start)
        from observations o
        cross join lateral (
          select 'month'::text as periodicity, to_char(o.period_start, 'YYYY-MM') as bucket,
                 date_trunc('month', o.period_start)::date as bucket_start
          where length(o.period) = 7
          union all
          select 'quarter', to_char(o.period_start, 'YYYY') || '-Q' || extract(quarter from o.period_start)::int,
                 date_trunc('quarter', o.period_start)::date
          where length(o.period) <> 4
          union all
          select 'year', to_char(o.period_start, 'YYYY'), date_trunc('year', o.period_start)::date
        ) b
        where o.chain_id = ${chainId} and o.status in ('submitted', 'approved')
        group by 1, 2, 3, 4, 5, 6, 7, 8`);
    }
  });
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int n from observations where chain_id = ${chainId}`,
  );
  await db.execute(sql`analyze`);
  return rows[0]?.n ?? 0;
}

/**
 * An observations CSV (`indicator,actor,period,value`): indicator codes and actor names, as a
 * coordinator's spreadsheet holds them, `rows` rows walking months × indicators × actors.
 */
export function observationsCsv(chain: GeneratedChain, rows: number, firstYear = 2018): string {
  const rand = prng(chain.seed + 2);
  const out: string[] = ['indicator,actor,period,value'];
  const monthly = chain.indicators.filter((n) => n.periodicity === 'month');
  let m = 0;
  while (out.length <= rows) {
    const year = firstYear + Math.floor(m / 12);
    const period = `${year}-${String((m % 12) + 1).padStart(2, '0')}`;
    for (const n of monthly) {
      for (const a of chain.actors) {
        if (out.length > rows) break;
        out.push(`${n.code},${a.name},${period},${(rand() * 1000).toFixed(2)}`);
      }
    }
    m += 1;
  }
  return `${out.join('\n')}\n`;
}

/** A coordinator of the chain: its e-mail, password and a personal API token. */
export async function addCoordinator(database: Database, chainId: string) {
  const email = `banc-${chainId.slice(0, 8)}-${Date.now()}@example.org`;
  const password = 'banc-tisserand-mesure-2025';
  const user = await createUser(database.db, { email, name: 'Coordination (banc)', password });
  await database.db.execute(
    sql`insert into members (chain_id, id, user_id, role) values (${chainId}, ${newId()}, ${user.id}, 'coordinator')`,
  );
  const { token } = await createToken(database.db, user.id, 'banc');
  return { userId: user.id, email, password, token };
}
