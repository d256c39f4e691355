/**
 * Gap analysis (lacunes) of a value chain: the ten gap types of PRODUCT.md "Role 2 — Meta vision",
 * computed from a snapshot of the chain on `today`. Pure, deterministic and near-linear, so it runs
 * on demand even for 100,000 actors. Every rule is also described for people in docs/gaps.md.
 *
 * "Active actor" = engaged or committed; "active flow" = flowActiveOn(flow, today); "live intent" =
 * an intent of an actor that is not inactive (potential actors' intents count). Resource names and
 * units are compared after normalizeResource (case, accents, punctuation ignored).
 *
 * | type               | key                                     | severity                                                   |
 * |--------------------|-----------------------------------------|------------------------------------------------------------|
 * | missing_stage      | missing_stage:<stageId>                 | high                                                       |
 * | single_actor_stage | single_actor_stage:<stageId>            | medium                                                     |
 * | bottleneck         | bottleneck:<actorId>                    | high when it cuts 2+ producers off, else medium            |
 * | isolated_actor     | isolated_actor:<actorId>                | medium for a committed actor, low for an engaged one       |
 * | no_support         | no_support:<actorId>                    | low                                                        |
 * | unmet_demand       | unmet_demand:<slug(resource)>:<slug(unit)> | high when needs exceed twice the offers, else medium    |
 * | underused_resource | underused_resource:<slug>:<slug>        | medium when offers exceed three times the needs, else low  |
 * | unmatched_need     | unmatched_need:<intentId>               | medium                                                     |
 * | wealth_leakage     | wealth_leakage:chain                    | high when the leaking share is above 75 %, else medium     |
 * | uncovered_capital  | uncovered_capital:<capitalKey>          | low when a proposed goal or indicator lists it, else medium|
 *
 * Suggestions (at most 5, in this order, never twice the same): first the outside resources whose
 * gapKeys contain the gap's key (not declined), then per type:
 * - missing_stage, single_actor_stage: potential, then inactive, transactional actors of the stage;
 * - bottleneck: other active, then potential, transactional actors sharing one of its stages;
 * - isolated_actor: live actors offering what it needs or needing what it offers (most matches first);
 * - no_support: active support actors, those of its stages first, then those giving the most support flows;
 * - unmet_demand / underused_resource: live actors outside the group offering (resp. needing) the
 *   resource in another unit or without a quantity, then outside resources whose name is about it;
 * - unmatched_need: inactive actors that offered the resource, then outside resources about it;
 * - wealth_leakage: active, in-region, at least 50 % locally owned transactional actors of the stages
 *   where most money leaks;
 * - uncovered_capital: outside resources serving that capital.
 * Ties are broken by name, then id. Output: by type in the order above, then by key.
 *
 * Choices beyond PRODUCT.md: a quantity counts when it is a positive number and the intent has a
 * unit; unmet_demand needs at least one quantified offer in the group and underused_resource at least
 * one quantified need, because an unknown quantity says nothing about the balance.
 */
import { keyPart, normalizeResource, slug } from '../text/normalize';
import { buildCsr, dominatorTree } from './dominators';
import { flowActiveOn, isActiveActor } from './flows';
import { type GapLocale, type GapMessages, gapMessages } from './messages';

/** The ten gap types, in the order the analysis lists them (same values as GAP_TYPES of the contracts). */
export const GAP_TYPE_ORDER = [
  'missing_stage',
  'single_actor_stage',
  'bottleneck',
  'isolated_actor',
  'no_support',
  'unmet_demand',
  'underused_resource',
  'unmatched_need',
  'wealth_leakage',
  'uncovered_capital',
] as const;
export type GapTypeName = (typeof GAP_TYPE_ORDER)[number];
export type GapSeverity = 'low' | 'medium' | 'high';

export interface GapInput {
  /** YYYY-MM-DD: flows are judged with flowActiveOn(flow, today). */
  today: string;
  locale: GapLocale;
  /** The chain's capital framework, labelled in `locale`. */
  capitals: { key: string; label: string }[];
  stages: { id: string; name: string; position: number }[];
  actors: {
    id: string;
    name: string;
    role: 'demand' | 'transactional' | 'support';
    status: 'potential' | 'engaged' | 'committed' | 'inactive';
    stageIds: string[];
    inRegion: boolean;
    localOwnershipPct: number;
  }[];
  flows: {
    id: string;
    sourceId: string;
    targetId: string;
    type: 'product' | 'money' | 'service' | 'information' | 'support';
    supportKind?: string | null;
    status: 'active' | 'planned' | 'broken';
    since?: string | null;
    until?: string | null;
    value?: number | null;
    quantity?: number | null;
    unit?: string | null;
    product?: string | null;
  }[];
  intents: {
    id: string;
    actorId: string;
    direction: 'offer' | 'need';
    resource: string;
    quantity?: number | null;
    unit?: string | null;
  }[];
  /** Only status 'adopted' covers a capital. */
  goals: { id: string; status: string; capitals: string[] }[];
  /** Only status 'adopted' covers a capital. */
  indicators: { id: string; status: string; capitals: string[] }[];
  /** Outside resources (the directory), used for suggestions. */
  resources: {
    id: string;
    name: string;
    kind: string;
    capitals: string[];
    gapKeys: string[];
    status: string;
  }[];
}

export interface GapSuggestion {
  kind: 'actor' | 'resource';
  id: string;
  reason: string;
}

export interface Gap {
  /** Stable while the gap lasts; only [a-z0-9:_.-]. */
  key: string;
  type: GapTypeName;
  severity: GapSeverity;
  entityIds: string[];
  /** For unmet_demand, underused_resource and unmatched_need: the resource as first written. */
  resource?: string;
  /** For uncovered_capital. */
  capital?: string;
  explanation: string;
  suggestions: GapSuggestion[];
}

const MAX_SUGGESTIONS = 5;
// How many holders of one resource the isolated-actor rule looks at: enough to rank 5, bounded for hubs.
const MATCH_SCAN = 25;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Whether a quantity takes part in the supply/demand balance. */
const counts = (q: number | null | undefined): q is number =>
  typeof q === 'number' && Number.isFinite(q) && q > 0;

interface Context {
  input: GapInput;
  msg: GapMessages;
  actorIndex: Map<string, number>;
  /** 1 when engaged or committed. */
  active: Uint8Array;
  /** 1 when not inactive. */
  live: Uint8Array;
  /** The stages of each actor (known, deduplicated), CSR by actor index. */
  stageStart: Int32Array;
  stageAdj: Int32Array;
  /** Directory resources by gap key, not declined, sorted by name then id. */
  directory: Map<string, string[]>;
  nameRank: () => Int32Array;
  /** Normalized resources and units of the intents, computed on first use. */
  intentFacts: () => IntentFacts;
}

class SuggestionList {
  readonly items: GapSuggestion[] = [];

  get full(): boolean {
    return this.items.length >= MAX_SUGGESTIONS;
  }

  /** Add a suggestion unless the list is full or already names it; `reason` is only built when it is kept. */
  add(kind: GapSuggestion['kind'], id: string, reason: string | (() => string)): void {
    if (this.full || this.items.some((x) => x.id === id && x.kind === kind)) return;
    this.items.push({ kind, id, reason: typeof reason === 'string' ? reason : reason() });
  }
}

/** Analyse a chain snapshot and list its gaps, in a deterministic order (type, then key). */
export function analyseGaps(input: GapInput): Gap[] {
  const ctx = prepare(input);
  const out: Gap[] = [];
  const flows = scanFlows(ctx);
  stageGaps(ctx, out);
  bottleneckGaps(ctx, flows, out);
  isolationGaps(ctx, flows, out);
  intentGaps(ctx, out);
  wealthLeakageGap(ctx, flows, out);
  uncoveredCapitalGaps(ctx, out);
  const typeRank = new Map<string, number>(GAP_TYPE_ORDER.map((t, i) => [t, i]));
  out.sort((a, b) => (typeRank.get(a.type) ?? 0) - (typeRank.get(b.type) ?? 0) || cmp(a.key, b.key));
  return out;
}

function prepare(input: GapInput): Context {
  const { actors, stages } = input;
  const n = actors.length;
  const actorIndex = new Map<string, number>();
  const active = new Uint8Array(n);
  const live = new Uint8Array(n);
  const stageIndex = new Map<string, number>();
  stages.forEach((s, i) => {
    stageIndex.set(s.id, i);
  });

  // Actor → stages in CSR form; `lastActor` drops a stage listed twice by the same actor.
  const lastActor = new Int32Array(stages.length).fill(-1);
  const stageStart = new Int32Array(n + 1);
  const stageList: number[] = [];
  for (let a = 0; a < n; a++) {
    const actor = actors[a];
    if (actor === undefined) continue;
    actorIndex.set(actor.id, a);
    if (isActiveActor(actor.status)) active[a] = 1;
    if (actor.status !== 'inactive') live[a] = 1;
    for (const id of actor.stageIds) {
      const s = stageIndex.get(id);
      if (s === undefined || lastActor[s] === a) continue;
      lastActor[s] = a;
      stageList.push(s);
    }
    stageStart[a + 1] = stageList.length;
  }

  const directory = new Map<string, string[]>();
  const listed = input.resources
    .filter((r) => r.status !== 'declined')
    .sort((x, y) => cmp(x.name, y.name) || cmp(x.id, y.id));
  for (const r of listed) {
    for (const key of new Set(r.gapKeys)) {
      const ids = directory.get(key);
      if (ids === undefined) directory.set(key, [r.id]);
      else ids.push(r.id);
    }
  }

  let rank: Int32Array | null = null;
  const nameRank = (): Int32Array => {
    if (rank !== null) return rank;
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort(
      (x, y) =>
        cmp(actors[x]?.name ?? '', actors[y]?.name ?? '') || cmp(actors[x]?.id ?? '', actors[y]?.id ?? ''),
    );
    const r = new Int32Array(n);
    order.forEach((a, i) => {
      r[a] = i;
    });
    rank = r;
    return r;
  };

  let intents: IntentFacts | null = null;
  const ctx: Context = {
    input,
    msg: gapMessages(input.locale),
    actorIndex,
    active,
    live,
    stageStart,
    stageAdj: Int32Array.from(stageList),
    directory,
    nameRank,
    intentFacts: () => {
      intents ??= normalizeIntents(ctx);
      return intents;
    },
  };
  return ctx;
}

function suggestionsFor(ctx: Context, key: string): SuggestionList {
  const list = new SuggestionList();
  for (const id of ctx.directory.get(key) ?? []) list.add('resource', id, ctx.msg.reasonDirectory());
  return list;
}

function actorName(ctx: Context, a: number): string {
  return ctx.input.actors[a]?.name ?? '';
}

function actorId(ctx: Context, a: number): string {
  return ctx.input.actors[a]?.id ?? '';
}

function stageName(ctx: Context, s: number): string {
  return ctx.input.stages[s]?.name ?? '';
}

// ---- One pass over the flows ----

interface FlowFacts {
  /** 1 when the actor is source or target of an active flow of any type. */
  hasFlow: Uint8Array;
  /** 1 when an active support flow reaches the actor. */
  supportIn: Uint8Array;
  /** Number of active support flows the actor gives. */
  supportOut: Int32Array;
  /** Value of active money flows received by non-inactive transactional actors. */
  moneyIn: Float64Array;
  /** Active product flows between two distinct active actors, as actor indices. */
  productFrom: Int32Array;
  productTo: Int32Array;
  productCount: number;
}

function scanFlows(ctx: Context): FlowFacts {
  const { actors, flows, today } = ctx.input;
  const n = actors.length;
  const facts: FlowFacts = {
    hasFlow: new Uint8Array(n),
    supportIn: new Uint8Array(n),
    supportOut: new Int32Array(n),
    moneyIn: new Float64Array(n),
    productFrom: new Int32Array(flows.length),
    productTo: new Int32Array(flows.length),
    productCount: 0,
  };
  for (const f of flows) {
    // The date test is far cheaper than the two id lookups: do it first.
    if (!flowActiveOn(f, today)) continue;
    const s = ctx.actorIndex.get(f.sourceId);
    const t = ctx.actorIndex.get(f.targetId);
    if (s === undefined || t === undefined) continue;
    facts.hasFlow[s] = 1;
    facts.hasFlow[t] = 1;
    if (f.type === 'support') {
      facts.supportIn[t] = 1;
      facts.supportOut[s] = (facts.supportOut[s] ?? 0) + 1;
    } else if (f.type === 'product') {
      if (s !== t && ctx.active[s] === 1 && ctx.active[t] === 1) {
        facts.productFrom[facts.productCount] = s;
        facts.productTo[facts.productCount] = t;
        facts.productCount++;
      }
    } else if (f.type === 'money' && counts(f.value)) {
      const target = actors[t];
      if (target?.role === 'transactional' && target.status !== 'inactive') {
        facts.moneyIn[t] = (facts.moneyIn[t] ?? 0) + f.value;
      }
    }
  }
  return facts;
}

// ---- Actor lists per stage, for suggestions ----

/**
 * For each stage, up to `k` actors with tier ≥ 0, lowest tier first, then by name. `tierOf` returns -1
 * to leave an actor out.
 */
function topByStage(ctx: Context, tierOf: (a: number) => number, tiers: number, k: number): number[][] {
  const rank = ctx.nameRank();
  const byName = new Int32Array(rank.length);
  rank.forEach((r, a) => {
    byName[r] = a;
  });
  const lists: number[][] = ctx.input.stages.map(() => []);
  for (let tier = 0; tier < tiers; tier++) {
    for (const a of byName) {
      if (tierOf(a) !== tier) continue;
      const end = ctx.stageStart[a + 1] ?? 0;
      for (let e = ctx.stageStart[a] ?? 0; e < end; e++) {
        const list = lists[ctx.stageAdj[e] ?? 0];
        if (list !== undefined && list.length < k) list.push(a);
      }
    }
  }
  return lists;
}

// ---- missing_stage, single_actor_stage ----

function stageGaps(ctx: Context, out: Gap[]): void {
  const { actors, stages } = ctx.input;
  const count = new Int32Array(stages.length);
  const only = new Int32Array(stages.length).fill(-1);
  for (let a = 0; a < actors.length; a++) {
    if (ctx.active[a] !== 1 || actors[a]?.role !== 'transactional') continue;
    const end = ctx.stageStart[a + 1] ?? 0;
    for (let e = ctx.stageStart[a] ?? 0; e < end; e++) {
      const s = ctx.stageAdj[e] ?? 0;
      count[s] = (count[s] ?? 0) + 1;
      only[s] = a;
    }
  }
  if (!count.some((c) => c <= 1)) return;

  const candidates = topByStage(
    ctx,
    (a) => {
      const actor = actors[a];
      if (actor?.role !== 'transactional') return -1;
      return actor.status === 'potential' ? 0 : actor.status === 'inactive' ? 1 : -1;
    },
    2,
    MAX_SUGGESTIONS,
  );
  stages.forEach((stage, s) => {
    const c = count[s] ?? 0;
    if (c > 1) return;
    const missing = c === 0;
    const key = `${missing ? 'missing_stage' : 'single_actor_stage'}:${keyPart(stage.id)}`;
    const suggestions = suggestionsFor(ctx, key);
    for (const a of candidates[s] ?? []) {
      const potential = actors[a]?.status === 'potential';
      const reason = potential
        ? ctx.msg.reasonStagePotential(stage.name)
        : ctx.msg.reasonStageInactive(stage.name);
      suggestions.add('actor', actorId(ctx, a), reason);
    }
    const sole = only[s] ?? -1;
    out.push(
      missing
        ? {
            key,
            type: 'missing_stage',
            severity: 'high',
            entityIds: [stage.id],
            explanation: ctx.msg.missingStage(stage.name),
            suggestions: suggestions.items,
          }
        : {
            key,
            type: 'single_actor_stage',
            severity: 'medium',
            entityIds: [stage.id, actorId(ctx, sole)],
            explanation: ctx.msg.singleActorStage(stage.name, actorName(ctx, sole)),
            suggestions: suggestions.items,
          },
    );
  });
}

// ---- bottleneck ----

/**
 * Producers (active actors of the first stage) must reach a demand actor along active product flows.
 * With a virtual sink T fed by every active demand actor, reverse the graph and root it at T: the
 * actors whose removal cuts producer p from all demand are exactly p's strict dominators (other than
 * T). Counting producers per dominator subtree gives each bottleneck and how many producers it cuts off.
 */
function bottleneckGaps(ctx: Context, facts: FlowFacts, out: Gap[]): void {
  const { actors, stages } = ctx.input;
  if (stages.length === 0) return;
  let first = 0;
  stages.forEach((s, i) => {
    const best = stages[first];
    if (
      best !== undefined &&
      (s.position < best.position || (s.position === best.position && s.id < best.id))
    ) {
      first = i;
    }
  });

  const n = actors.length;
  const node = new Int32Array(n).fill(-1);
  const nodeActor = new Int32Array(n);
  let nodes = 0;
  let demand = 0;
  for (let a = 0; a < n; a++) {
    if (ctx.active[a] !== 1) continue;
    node[a] = nodes;
    nodeActor[nodes++] = a;
    if (actors[a]?.role === 'demand') demand++;
  }
  const sink = nodes;
  const edgeCount = facts.productCount + demand;
  const from = new Int32Array(edgeCount);
  const to = new Int32Array(edgeCount);
  // Reversed product edges: buyer → supplier.
  for (let e = 0; e < facts.productCount; e++) {
    from[e] = node[facts.productTo[e] ?? 0] ?? 0;
    to[e] = node[facts.productFrom[e] ?? 0] ?? 0;
  }
  let e = facts.productCount;
  for (let v = 0; v < nodes; v++) {
    if (actors[nodeActor[v] ?? 0]?.role !== 'demand') continue;
    from[e] = sink;
    to[e] = v;
    e++;
  }
  const { idom, order } = dominatorTree(buildCsr(nodes + 1, from, to, edgeCount), sink);

  const isProducer = new Int32Array(nodes + 1);
  for (let v = 0; v < nodes; v++) {
    const a = nodeActor[v] ?? 0;
    const end = ctx.stageStart[a + 1] ?? 0;
    for (let k = ctx.stageStart[a] ?? 0; k < end; k++) {
      if (ctx.stageAdj[k] === first) isProducer[v] = 1;
    }
  }
  // Reverse preorder visits every node after all of its dominator-tree descendants.
  const below = Int32Array.from(isProducer);
  const someProducer = new Int32Array(nodes + 1).fill(-1);
  for (let k = order.length - 1; k > 0; k--) {
    const v = order[k] ?? 0;
    const d = idom[v] ?? 0;
    below[d] = (below[d] ?? 0) + (below[v] ?? 0);
    if (someProducer[d] === -1) someProducer[d] = isProducer[v] === 1 ? v : (someProducer[v] ?? -1);
  }

  let alternatives: number[][] | null = null;
  for (let v = 0; v < nodes; v++) {
    if (idom[v] === -1) continue;
    const cut = (below[v] ?? 0) - (isProducer[v] ?? 0);
    if (cut <= 0) continue;
    const a = nodeActor[v] ?? 0;
    const key = `bottleneck:${keyPart(actorId(ctx, a))}`;
    const suggestions = suggestionsFor(ctx, key);
    alternatives ??= topByStage(
      ctx,
      (x) => {
        const actor = actors[x];
        if (actor?.role !== 'transactional') return -1;
        return ctx.active[x] === 1 ? 0 : actor.status === 'potential' ? 1 : -1;
      },
      2,
      MAX_SUGGESTIONS + 1,
    );
    addStageAlternatives(ctx, a, alternatives, suggestions);
    const p = someProducer[v] ?? -1;
    out.push({
      key,
      type: 'bottleneck',
      severity: cut >= 2 ? 'high' : 'medium',
      entityIds: [actorId(ctx, a)],
      explanation: ctx.msg.bottleneck(
        actorName(ctx, a),
        cut,
        p === -1 ? null : actorName(ctx, nodeActor[p] ?? 0),
      ),
      suggestions: suggestions.items,
    });
  }
}

function addStageAlternatives(ctx: Context, a: number, lists: number[][], suggestions: SuggestionList): void {
  const rank = ctx.nameRank();
  const found = new Map<number, number>();
  const end = ctx.stageStart[a + 1] ?? 0;
  for (let k = ctx.stageStart[a] ?? 0; k < end; k++) {
    const s = ctx.stageAdj[k] ?? 0;
    for (const x of lists[s] ?? []) if (x !== a && !found.has(x)) found.set(x, s);
  }
  const tier = (x: number) => (ctx.active[x] === 1 ? 0 : 1);
  const sorted = [...found.keys()].sort((x, y) => tier(x) - tier(y) || (rank[x] ?? 0) - (rank[y] ?? 0));
  for (const x of sorted) {
    if (suggestions.full) return;
    suggestions.add('actor', actorId(ctx, x), () =>
      ctx.msg.reasonAlternative(stageName(ctx, found.get(x) ?? 0), tier(x) === 1),
    );
  }
}

// ---- isolated_actor, no_support ----

function isolationGaps(ctx: Context, facts: FlowFacts, out: Gap[]): void {
  const { actors } = ctx.input;
  let supporters: SupportRanking | null = null;
  let matches: IntentMatcher | null = null;
  for (let a = 0; a < actors.length; a++) {
    const actor = actors[a];
    if (actor === undefined || ctx.active[a] !== 1) continue;
    if (facts.hasFlow[a] !== 1) {
      const key = `isolated_actor:${keyPart(actor.id)}`;
      const suggestions = suggestionsFor(ctx, key);
      matches ??= new IntentMatcher(ctx);
      matches.suggest(a, suggestions);
      out.push({
        key,
        type: 'isolated_actor',
        severity: actor.status === 'committed' ? 'medium' : 'low',
        entityIds: [actor.id],
        explanation: ctx.msg.isolatedActor(actor.name),
        suggestions: suggestions.items,
      });
    }
    if (actor.role === 'transactional' && facts.supportIn[a] !== 1) {
      const key = `no_support:${keyPart(actor.id)}`;
      const suggestions = suggestionsFor(ctx, key);
      supporters ??= new SupportRanking(ctx, facts);
      supporters.suggest(a, suggestions);
      out.push({
        key,
        type: 'no_support',
        severity: 'low',
        entityIds: [actor.id],
        explanation: ctx.msg.noSupport(actor.name),
        suggestions: suggestions.items,
      });
    }
  }
}

/** Active support actors ranked by support flows given, overall and per stage (top 5 each), with their reasons. */
class SupportRanking {
  private readonly overall: { actor: number; id: string; reason: string }[];
  private readonly byStage: { actor: number; id: string; reason: string }[][];

  constructor(
    private readonly ctx: Context,
    facts: FlowFacts,
  ) {
    const rank = ctx.nameRank();
    const support: number[] = [];
    ctx.input.actors.forEach((actor, a) => {
      if (actor.role === 'support' && ctx.active[a] === 1) support.push(a);
    });
    const given = facts.supportOut;
    support.sort((x, y) => (given[y] ?? 0) - (given[x] ?? 0) || (rank[x] ?? 0) - (rank[y] ?? 0));
    // Tens of thousands of no_support gaps share these few supporters: build each reason once.
    const entry = (a: number, stage: number) => ({
      actor: a,
      id: actorId(ctx, a),
      reason: ctx.msg.reasonSupport(given[a] ?? 0, stage === -1 ? null : stageName(ctx, stage)),
    });
    this.overall = support.slice(0, MAX_SUGGESTIONS + 1).map((a) => entry(a, -1));
    this.byStage = ctx.input.stages.map(() => []);
    for (const a of support) {
      const end = ctx.stageStart[a + 1] ?? 0;
      for (let k = ctx.stageStart[a] ?? 0; k < end; k++) {
        const s = ctx.stageAdj[k] ?? 0;
        const list = this.byStage[s];
        if (list !== undefined && list.length <= MAX_SUGGESTIONS) list.push(entry(a, s));
      }
    }
  }

  suggest(a: number, suggestions: SuggestionList): void {
    const { ctx } = this;
    const end = ctx.stageStart[a + 1] ?? 0;
    for (let k = ctx.stageStart[a] ?? 0; k < end && !suggestions.full; k++) {
      for (const x of this.byStage[ctx.stageAdj[k] ?? 0] ?? []) {
        if (x.actor !== a) suggestions.add('actor', x.id, x.reason);
      }
    }
    for (const x of this.overall) if (x.actor !== a) suggestions.add('actor', x.id, x.reason);
  }
}

// ---- Intents ----

interface IntentFacts {
  /** Actor index of each intent, -1 when the actor is unknown or inactive. */
  actor: Int32Array;
  resource: string[];
  unit: string[];
}

function normalizeIntents(ctx: Context): IntentFacts {
  const { intents } = ctx.input;
  const cache = new Map<string, string>();
  // Names repeat a lot across intents; normalising each distinct spelling once keeps this linear and cheap.
  const norm = (s: string): string => {
    let v = cache.get(s);
    if (v === undefined) {
      v = normalizeResource(s);
      cache.set(s, v);
    }
    return v;
  };
  const actor = new Int32Array(intents.length).fill(-1);
  const resource: string[] = new Array(intents.length);
  const unit: string[] = new Array(intents.length);
  intents.forEach((intent, i) => {
    const a = ctx.actorIndex.get(intent.actorId);
    if (a !== undefined && ctx.live[a] === 1) actor[i] = a;
    resource[i] = norm(intent.resource);
    unit[i] = norm(intent.unit ?? '');
  });
  return { actor, resource, unit };
}

/** Finds live actors whose intents answer an actor's intents (offers for its needs, needs for its offers). */
class IntentMatcher {
  private readonly facts: IntentFacts;
  /** Live actors offering / needing each normalized resource, sorted by name. */
  private readonly offering = new Map<string, number[]>();
  private readonly needing = new Map<string, number[]>();
  /** Live intents of each actor, CSR. */
  private readonly start: Int32Array;
  private readonly list: Int32Array;

  constructor(private readonly ctx: Context) {
    const { intents } = ctx.input;
    this.facts = ctx.intentFacts();
    const n = ctx.input.actors.length;
    this.start = new Int32Array(n + 1);
    for (const a of this.facts.actor) if (a !== -1) this.start[a + 1] = (this.start[a + 1] ?? 0) + 1;
    for (let a = 0; a < n; a++) this.start[a + 1] = (this.start[a + 1] ?? 0) + (this.start[a] ?? 0);
    const fill = this.start.slice(0, n);
    this.list = new Int32Array(this.start[n] ?? 0);
    intents.forEach((intent, i) => {
      const a = this.facts.actor[i] ?? -1;
      const res = this.facts.resource[i] ?? '';
      if (a === -1 || res === '') return;
      const pos = fill[a] ?? 0;
      this.list[pos] = i;
      fill[a] = pos + 1;
      const map = intent.direction === 'offer' ? this.offering : this.needing;
      const holders = map.get(res);
      if (holders === undefined) map.set(res, [a]);
      else holders.push(a);
    });
    const rank = ctx.nameRank();
    const byName = (x: number, y: number) => (rank[x] ?? 0) - (rank[y] ?? 0);
    // An actor may hold several intents for one resource: keep it once per list.
    const unique = (holders: number[]) =>
      holders.sort(byName).filter((a, k) => k === 0 || holders[k - 1] !== a);
    for (const [res, holders] of this.offering) this.offering.set(res, unique(holders));
    for (const [res, holders] of this.needing) this.needing.set(res, unique(holders));
  }

  suggest(a: number, suggestions: SuggestionList): void {
    const { ctx, facts } = this;
    const { intents } = ctx.input;
    const rank = ctx.nameRank();
    const found = new Map<number, { matches: number; intent: number }>();
    const self = actorName(ctx, a);
    const end = this.start[a + 1] ?? 0;
    for (let k = this.start[a] ?? 0; k < end; k++) {
      const i = this.list[k] ?? 0;
      const intent = intents[i];
      if (intent === undefined) continue;
      const offer = intent.direction === 'offer';
      const holders = (offer ? this.needing : this.offering).get(facts.resource[i] ?? '') ?? [];
      for (const x of holders.slice(0, MATCH_SCAN)) {
        if (x === a) continue;
        const seen = found.get(x);
        if (seen !== undefined) {
          seen.matches++;
          continue;
        }
        found.set(x, { matches: 1, intent: i });
      }
    }
    const sorted = [...found.entries()].sort(
      ([x, fx], [y, fy]) => fy.matches - fx.matches || (rank[x] ?? 0) - (rank[y] ?? 0),
    );
    for (const [x, f] of sorted) {
      const intent = intents[f.intent];
      if (suggestions.full || intent === undefined) break;
      const reason =
        intent.direction === 'offer'
          ? ctx.msg.reasonNeedsWhatItOffers(intent.resource, self)
          : ctx.msg.reasonOffersWhatItNeeds(intent.resource, self);
      suggestions.add('actor', actorId(ctx, x), reason);
    }
  }
}

interface IntentGroup {
  key: string;
  resource: string;
  unitLabel: string;
  normalized: string;
  intents: number[];
  offered: number;
  needed: number;
  quantifiedOffers: number;
  quantifiedNeeds: number;
}

function intentGaps(ctx: Context, out: Gap[]): void {
  const { intents, actors } = ctx.input;
  if (intents.length === 0) return;
  const facts = ctx.intentFacts();
  const groups = new Map<string, IntentGroup>();
  const offered = new Set<string>();
  // Intents by normalized resource: live offers / needs, and offers of inactive actors.
  const offers = new Map<string, number[]>();
  const needs = new Map<string, number[]>();
  const formerOffers = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [i]);
    else list.push(i);
  };

  intents.forEach((intent, i) => {
    const res = facts.resource[i] ?? '';
    if (res === '') return;
    const a = facts.actor[i] ?? -1;
    if (a === -1) {
      const known = ctx.actorIndex.get(intent.actorId);
      if (known !== undefined && intent.direction === 'offer') push(formerOffers, res, i);
      return;
    }
    const offer = intent.direction === 'offer';
    if (offer) offered.add(res);
    push(offer ? offers : needs, res, i);
    const unit = facts.unit[i] ?? '';
    if (unit === '') return;
    const groupKey = `${res}\u0000${unit}`;
    let g = groups.get(groupKey);
    if (g === undefined) {
      g = {
        key: `${slug(intent.resource)}:${slug(intent.unit ?? '')}`,
        resource: intent.resource,
        unitLabel: intent.unit ?? '',
        normalized: res,
        intents: [],
        offered: 0,
        needed: 0,
        quantifiedOffers: 0,
        quantifiedNeeds: 0,
      };
      groups.set(groupKey, g);
    }
    g.intents.push(i);
    if (!counts(intent.quantity)) return;
    if (offer) {
      g.offered += intent.quantity;
      g.quantifiedOffers++;
    } else {
      g.needed += intent.quantity;
      g.quantifiedNeeds++;
    }
  });

  const rank = ctx.nameRank();
  const about = new ResourcesAbout(ctx);
  /** Live actors outside the group holding an intent of `candidates` for the same resource, by name. */
  const outsiders = (g: IntentGroup, candidates: number[]): number[] => {
    const inGroup = new Set<number>();
    for (const i of g.intents) inGroup.add(facts.actor[i] ?? -1);
    const found = new Set<number>();
    for (const i of candidates) {
      const a = facts.actor[i] ?? -1;
      if (!inGroup.has(a)) found.add(a);
    }
    return [...found].sort((x, y) => (rank[x] ?? 0) - (rank[y] ?? 0));
  };

  for (const g of groups.values()) {
    const entityIds = g.intents.map((i) => intents[i]?.id ?? '');
    if (g.quantifiedOffers > 0 && g.needed > g.offered) {
      const key = `unmet_demand:${g.key}`;
      const suggestions = suggestionsFor(ctx, key);
      const reason = ctx.msg.reasonOtherUnitOffer(g.resource);
      for (const a of outsiders(g, offers.get(g.normalized) ?? []))
        suggestions.add('actor', actorId(ctx, a), reason);
      about.suggest(g.normalized, g.resource, suggestions);
      out.push({
        key,
        type: 'unmet_demand',
        severity: g.needed > 2 * g.offered ? 'high' : 'medium',
        entityIds,
        resource: g.resource,
        explanation: ctx.msg.unmetDemand(g.resource, g.unitLabel, g.needed, g.offered),
        suggestions: suggestions.items,
      });
    } else if (g.quantifiedNeeds > 0 && g.offered > g.needed * 1.5) {
      const key = `underused_resource:${g.key}`;
      const suggestions = suggestionsFor(ctx, key);
      const reason = ctx.msg.reasonOtherUnitNeed(g.resource);
      for (const a of outsiders(g, needs.get(g.normalized) ?? []))
        suggestions.add('actor', actorId(ctx, a), reason);
      about.suggest(g.normalized, g.resource, suggestions);
      out.push({
        key,
        type: 'underused_resource',
        severity: g.offered > 3 * g.needed ? 'medium' : 'low',
        entityIds,
        resource: g.resource,
        explanation: ctx.msg.underusedResource(g.resource, g.unitLabel, g.offered, g.needed),
        suggestions: suggestions.items,
      });
    }
  }

  for (const [res, list] of needs) {
    if (offered.has(res)) continue;
    const former = [
      ...new Set(
        (formerOffers.get(res) ?? []).map((i) => ctx.actorIndex.get(intents[i]?.actorId ?? '') ?? -1),
      ),
    ]
      .filter((a) => a !== -1)
      .sort((x, y) => (rank[x] ?? 0) - (rank[y] ?? 0));
    for (const i of list) {
      const intent = intents[i];
      if (intent === undefined) continue;
      const key = `unmatched_need:${keyPart(intent.id)}`;
      const suggestions = suggestionsFor(ctx, key);
      const reason = ctx.msg.reasonInactiveOfferer(intent.resource);
      for (const a of former) suggestions.add('actor', actorId(ctx, a), reason);
      about.suggest(res, intent.resource, suggestions);
      out.push({
        key,
        type: 'unmatched_need',
        severity: 'medium',
        entityIds: [intent.id],
        resource: intent.resource,
        explanation: ctx.msg.unmatchedNeed(actors[facts.actor[i] ?? 0]?.name ?? '', intent.resource),
        suggestions: suggestions.items,
      });
    }
  }
}

/** Outside resources (not declined) whose name contains a normalized resource name as whole words. */
class ResourcesAbout {
  private readonly names: { id: string; padded: string }[];
  private readonly cache = new Map<string, string[]>();

  constructor(private readonly ctx: Context) {
    this.names = ctx.input.resources
      .filter((r) => r.status !== 'declined')
      .sort((x, y) => cmp(x.name, y.name) || cmp(x.id, y.id))
      .map((r) => ({ id: r.id, padded: ` ${normalizeResource(r.name)} ` }));
  }

  suggest(normalized: string, written: string, suggestions: SuggestionList): void {
    if (suggestions.full) return;
    let ids = this.cache.get(normalized);
    if (ids === undefined) {
      const needle = ` ${normalized} `;
      ids = this.names.filter((r) => r.padded.includes(needle)).map((r) => r.id);
      this.cache.set(normalized, ids);
    }
    if (ids.length === 0) return;
    const reason = this.ctx.msg.reasonResourceAbout(written);
    for (const id of ids) suggestions.add('resource', id, reason);
  }
}

// ---- wealth_leakage ----

function wealthLeakageGap(ctx: Context, facts: FlowFacts, out: Gap[]): void {
  const { actors } = ctx.input;
  let total = 0;
  let leaking = 0;
  const recipients: number[] = [];
  const leakingByStage = new Float64Array(ctx.input.stages.length);
  for (let a = 0; a < actors.length; a++) {
    const value = facts.moneyIn[a] ?? 0;
    const actor = actors[a];
    if (value <= 0 || actor === undefined) continue;
    total += value;
    if (actor.inRegion && actor.localOwnershipPct >= 50) continue;
    leaking += value;
    recipients.push(a);
    const end = ctx.stageStart[a + 1] ?? 0;
    for (let k = ctx.stageStart[a] ?? 0; k < end; k++) {
      const s = ctx.stageAdj[k] ?? 0;
      leakingByStage[s] = (leakingByStage[s] ?? 0) + value;
    }
  }
  // Exactly half is not "more than half".
  if (total <= 0 || leaking * 2 <= total) return;
  recipients.sort(
    (x, y) => (facts.moneyIn[y] ?? 0) - (facts.moneyIn[x] ?? 0) || cmp(actorId(ctx, x), actorId(ctx, y)),
  );

  const key = 'wealth_leakage:chain';
  const suggestions = suggestionsFor(ctx, key);
  const local = topByStage(
    ctx,
    (a) => {
      const actor = actors[a];
      const ok =
        actor?.role === 'transactional' &&
        ctx.active[a] === 1 &&
        actor.inRegion &&
        actor.localOwnershipPct >= 50;
      return ok ? 0 : -1;
    },
    1,
    MAX_SUGGESTIONS,
  );
  const stageOrder = ctx.input.stages
    .map((_, s) => s)
    .filter((s) => (leakingByStage[s] ?? 0) > 0)
    .sort((x, y) => (leakingByStage[y] ?? 0) - (leakingByStage[x] ?? 0) || x - y);
  for (const s of stageOrder) {
    const reason = ctx.msg.reasonLocalAlternative(stageName(ctx, s));
    for (const a of local[s] ?? []) suggestions.add('actor', actorId(ctx, a), reason);
  }

  const share = Math.round((leaking / total) * 1000) / 10;
  out.push({
    key,
    type: 'wealth_leakage',
    severity: leaking / total > 0.75 ? 'high' : 'medium',
    entityIds: recipients.map((a) => actorId(ctx, a)),
    explanation: ctx.msg.wealthLeakage(share, leaking, total, actorName(ctx, recipients[0] ?? 0)),
    suggestions: suggestions.items,
  });
}

// ---- uncovered_capital ----

function uncoveredCapitalGaps(ctx: Context, out: Gap[]): void {
  const adopted = new Set<string>();
  const proposed = new Set<string>();
  for (const item of [...ctx.input.goals, ...ctx.input.indicators]) {
    const target = item.status === 'adopted' ? adopted : item.status === 'proposed' ? proposed : null;
    for (const c of item.capitals) target?.add(c);
  }
  const resources = ctx.input.resources
    .filter((r) => r.status !== 'declined')
    .sort((x, y) => cmp(x.name, y.name) || cmp(x.id, y.id));
  const done = new Set<string>();
  for (const capital of ctx.input.capitals) {
    if (adopted.has(capital.key) || done.has(capital.key)) continue;
    done.add(capital.key);
    const key = `uncovered_capital:${keyPart(capital.key)}`;
    const suggestions = suggestionsFor(ctx, key);
    const reason = ctx.msg.reasonServesCapital(capital.label);
    for (const r of resources)
      if (r.capitals.includes(capital.key)) suggestions.add('resource', r.id, reason);
    out.push({
      key,
      type: 'uncovered_capital',
      severity: proposed.has(capital.key) ? 'low' : 'medium',
      entityIds: [],
      capital: capital.key,
      explanation: ctx.msg.uncoveredCapital(capital.label),
      suggestions: suggestions.items,
    });
  }
}
