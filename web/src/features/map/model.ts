import type { Actor, ActorRole, ChainMap, Flow, FlowType, GapItem, Stage } from '@tisserand/core';

/** Colours of the three WealthWorks roles (legend, chain map, geography). */
export const ROLE_COLORS: Record<ActorRole, string> = {
  transactional: '#1971c2',
  demand: '#e8590c',
  support: '#2f9e44',
};

/** Colours of the five flow types (legend, chain map). */
export const FLOW_COLORS: Record<FlowType, string> = {
  product: '#5f3dc4',
  money: '#e67700',
  service: '#0c8599',
  information: '#868e96',
  support: '#c2255c',
};

/** Gap types that point at actors on the map, with where the actor id sits in `entityIds`. */
const ACTOR_GAP_TYPES = new Set(['bottleneck', 'isolated_actor', 'no_support', 'single_actor_stage']);

/** Stages from producer to consumer (position, then id for ties, as the gap analysis does). */
export function sortedStages(stages: readonly Stage[]): Stage[] {
  return [...stages].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The rank of each stage id in `sortedStages` order. */
export function stageRanks(stages: readonly Stage[]): Map<string, number> {
  const ranks = new Map<string, number>();
  sortedStages(stages).forEach((stage, index) => {
    ranks.set(stage.id, index);
  });
  return ranks;
}

/** The actor's first stage (the most upstream of the stages it works in), or -1 when it has none. */
export function firstStageRank(actor: Pick<Actor, 'stageIds'>, ranks: ReadonlyMap<string, number>): number {
  let best = -1;
  for (const id of actor.stageIds) {
    const rank = ranks.get(id);
    if (rank !== undefined && (best === -1 || rank < best)) best = rank;
  }
  return best;
}

/** The actors concerned by the gaps the map can show (bottleneck, isolated, no support, single actor). */
export function gapActorIds(items: readonly GapItem[]): Map<string, GapItem[]> {
  const byActor = new Map<string, GapItem[]>();
  for (const gap of items) {
    if (gap.dismissed || !ACTOR_GAP_TYPES.has(gap.type)) continue;
    const actorId = gap.type === 'single_actor_stage' ? gap.entityIds[1] : gap.entityIds[0];
    if (!actorId) continue;
    const list = byActor.get(actorId);
    if (list) list.push(gap);
    else byActor.set(actorId, [gap]);
  }
  return byActor;
}

export interface MapColumn {
  /** A stage id, `none` (transactional actors without a stage) or `demand`. */
  key: string;
  /** Centre of the column and the top of its actors, in graph coordinates. */
  x: number;
  top: number;
}

export interface ChainLayout {
  /** x, y of actor i at 2i, 2i+1 (actors in the order of `map.actors`). */
  positions: Float64Array;
  /** Number of flows touching actor i (in and out). */
  degrees: Uint32Array;
  /** The columns, left to right, for their headings. */
  columns: MapColumn[];
  /** Where the band of support actors starts (its lowest y), for its heading. */
  supportBand: { x: number; top: number } | null;
}

const ROW = 1.5;
const SUB = 1.4;
const GAP = 4;
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/**
 * The deterministic layered layout of the chain map (no force simulation):
 * - transactional actors stand in the column of their first stage, stages left to right by position;
 *   those without any stage in a column before the first one;
 * - demand actors in a column after the last stage;
 * - support actors on a band above the columns, ordered by their first stage, then name;
 * - within a column, actors are ordered by the mean rank of their neighbours in the columns to their
 *   left (one barycentre pass, which uncrosses most flows), then by name; a tall column wraps into
 *   sub-columns so that the whole map keeps a readable aspect even with thousands of actors.
 * Linear in actors + flows, apart from the sorts.
 */
export function layeredLayout(map: ChainMap): ChainLayout {
  const { actors, flows } = map;
  const n = actors.length;
  const ranks = stageRanks(map.stages);
  const sorted = sortedStages(map.stages);
  const stageCount = ranks.size;
  const indexOf = new Map<string, number>();
  actors.forEach((actor, i) => {
    indexOf.set(actor.id, i);
  });

  // Neighbours in CSR form, one pass to count and one to fill.
  const degrees = new Uint32Array(n);
  const src = new Int32Array(flows.length);
  const dst = new Int32Array(flows.length);
  flows.forEach((flow, f) => {
    const s = indexOf.get(flow.sourceId) ?? -1;
    const t = indexOf.get(flow.targetId) ?? -1;
    src[f] = s;
    dst[f] = t;
    if (s >= 0 && t >= 0) {
      degrees[s] = (degrees[s] ?? 0) + 1;
      degrees[t] = (degrees[t] ?? 0) + 1;
    }
  });
  const offsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i] ?? 0) + (degrees[i] ?? 0);
  const cursor = offsets.slice(0, n);
  const neighbours = new Int32Array(offsets[n] ?? 0);
  for (let f = 0; f < flows.length; f++) {
    const s = src[f] ?? -1;
    const t = dst[f] ?? -1;
    if (s < 0 || t < 0) continue;
    neighbours[cursor[s] ?? 0] = t;
    cursor[s] = (cursor[s] ?? 0) + 1;
    neighbours[cursor[t] ?? 0] = s;
    cursor[t] = (cursor[t] ?? 0) + 1;
  }

  // Columns: [no stage] + stages + demand.
  const hasNoStage = actors.some((a) => a.role === 'transactional' && firstStageRank(a, ranks) < 0);
  const shift = hasNoStage ? 1 : 0;
  const columnCount = shift + stageCount + 1;
  const members: number[][] = Array.from({ length: columnCount }, () => []);
  const supports: number[] = [];
  const columnOf = new Int32Array(n).fill(-1);
  actors.forEach((actor, i) => {
    if (actor.role === 'support') {
      supports.push(i);
      return;
    }
    const column = actor.role === 'demand' ? columnCount - 1 : firstStageRank(actor, ranks) + shift;
    columnOf[i] = column;
    members[column]?.push(i);
  });

  const placed = n - supports.length;
  const rowsPerSub = Math.max(12, Math.ceil(Math.sqrt(placed)));
  // Normalised vertical rank (0 top … 1 bottom) of each placed actor, for the barycentres.
  const order = new Float64Array(n).fill(-1);
  const positions = new Float64Array(2 * n);
  const columns: MapColumn[] = [];
  const bary = new Float64Array(n);
  let left = 0;
  let maxTop = 0;
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;

  for (let c = 0; c < columnCount; c++) {
    const list = members[c] ?? [];
    for (const i of list) {
      let sum = 0;
      let count = 0;
      for (let k = offsets[i] ?? 0; k < (offsets[i + 1] ?? 0); k++) {
        const o = order[neighbours[k] ?? 0] ?? -1;
        if (o >= 0) {
          sum += o;
          count++;
        }
      }
      bary[i] = count > 0 ? sum / count : 0.5;
    }
    list.sort(
      (a, b) =>
        (bary[a] ?? 0) - (bary[b] ?? 0) || collator.compare(actors[a]?.name ?? '', actors[b]?.name ?? ''),
    );
    const subs = Math.max(1, Math.ceil(list.length / rowsPerSub));
    const rows = Math.max(1, Math.ceil(list.length / subs));
    const width = (subs - 1) * SUB;
    const top = ((rows - 1) / 2) * ROW;
    list.forEach((i, j) => {
      const row = Math.floor(j / subs);
      const sub = j % subs;
      // Odd rows shift by half a step so that wrapped sub-columns do not hide flows behind nodes.
      const stagger = subs > 1 && row % 2 === 1 ? SUB / 2 : 0;
      positions[2 * i] = left + sub * SUB + stagger;
      positions[2 * i + 1] = top - row * ROW;
      order[i] = list.length > 1 ? j / (list.length - 1) : 0.5;
    });
    const key = c === columnCount - 1 ? 'demand' : c < shift ? 'none' : (sorted[c - shift]?.id ?? '');
    columns.push({ key, x: left + width / 2, top });
    maxTop = Math.max(maxTop, top);
    minX = Math.min(minX, left);
    maxX = Math.max(maxX, left + width);
    left += width + GAP;
  }

  let supportBand: ChainLayout['supportBand'] = null;
  if (supports.length > 0) {
    supports.sort((a, b) => {
      const ra = firstStageRank(actors[a] ?? { stageIds: [] }, ranks);
      const rb = firstStageRank(actors[b] ?? { stageIds: [] }, ranks);
      return ra - rb || collator.compare(actors[a]?.name ?? '', actors[b]?.name ?? '');
    });
    const span = Math.max(maxX - minX, SUB);
    const perRow = Math.max(1, Math.min(supports.length, Math.floor(span / SUB) + 1));
    const bandBottom = maxTop + 3 * ROW;
    const rows = Math.ceil(supports.length / perRow);
    supports.forEach((i, j) => {
      const row = Math.floor(j / perRow);
      const inRow = row === rows - 1 ? supports.length - row * perRow : perRow;
      const step = span / Math.max(inRow, 1);
      positions[2 * i] = minX + step * ((j % perRow) + 0.5);
      positions[2 * i + 1] = bandBottom + row * ROW;
    });
    supportBand = { x: minX + span / 2, top: bandBottom + (rows - 1) * ROW };
  }
  return { positions, degrees, columns, supportBand };
}

/** Node size on screen by degree: small for a leaf, growing with the square root, capped. */
export function nodeSize(degree: number): number {
  return Math.min(18, 4 + 1.8 * Math.sqrt(degree));
}

/** `#rrggbb` with an alpha (0–1) appended, for faded items. */
export function withAlpha(hex: string, alpha: number): string {
  const a = Math.round(Math.max(0, Math.min(1, alpha)) * 255)
    .toString(16)
    .padStart(2, '0');
  return `${hex}${a}`;
}

export interface MapFilters {
  roles: readonly ActorRole[];
  /** Stage ids; empty means every stage (and actors without a stage). */
  stageIds: readonly string[];
  flowTypes: readonly FlowType[];
  statuses: readonly Flow['status'][];
}

/** Which actors and flows the filters keep (true = shown), as byte arrays in the order of the map. */
export function applyFilters(map: ChainMap, filters: MapFilters): { nodes: Uint8Array; edges: Uint8Array } {
  const roles = new Set(filters.roles);
  const stages = new Set(filters.stageIds);
  const types = new Set(filters.flowTypes);
  const statuses = new Set(filters.statuses);
  const nodes = new Uint8Array(map.actors.length);
  const shown = new Set<string>();
  map.actors.forEach((actor, i) => {
    const inStage = stages.size === 0 || actor.stageIds.some((id) => stages.has(id));
    if (roles.has(actor.role) && inStage) {
      nodes[i] = 1;
      shown.add(actor.id);
    }
  });
  const edges = new Uint8Array(map.flows.length);
  map.flows.forEach((flow, f) => {
    if (
      types.has(flow.type) &&
      statuses.has(flow.status) &&
      shown.has(flow.sourceId) &&
      shown.has(flow.targetId)
    ) {
      edges[f] = 1;
    }
  });
  return { nodes, edges };
}

// ---- Sankey of product flows ----

export interface SankeyNode {
  id: string;
  name: string;
  /** Left-to-right order (stage rank, demand last). */
  rank: number;
}

export interface SankeyLink {
  source: string;
  target: string;
  value: number;
  /** Flows aggregated in this link and their total quantity when it is summed. */
  flows: number;
  quantity: number | null;
}

export interface SankeyModel {
  nodes: SankeyNode[];
  links: SankeyLink[];
  /** `quantity`: every flow has a quantity in the same `unit`; else `count`. */
  weighting: 'quantity' | 'count';
  unit: string | null;
  /** Links dropped to keep the diagram acyclic, and flows inside one node (same stage). */
  dropped: SankeyLink[];
  internal: number;
  flowCount: number;
}

/** Active product flows, optionally of one product (compared after trimming, case-insensitive). */
export function productFlows(map: ChainMap, product: string | null): Flow[] {
  const wanted = product?.trim().toLowerCase() ?? null;
  return map.flows.filter(
    (f) =>
      f.type === 'product' &&
      f.status === 'active' &&
      (wanted === null || f.product?.trim().toLowerCase() === wanted),
  );
}

/** The products named by active product flows, sorted. */
export function productsOf(map: ChainMap): string[] {
  const byKey = new Map<string, string>();
  for (const f of map.flows) {
    if (f.type !== 'product' || f.status !== 'active' || !f.product) continue;
    const key = f.product.trim().toLowerCase();
    if (!byKey.has(key)) byKey.set(key, f.product.trim());
  }
  return [...byKey.values()].sort(collator.compare);
}

/** Quantity when every flow has one in the same unit (compared case-insensitively), else count. */
export function weightingOf(flows: readonly Flow[]): {
  weighting: 'quantity' | 'count';
  unit: string | null;
} {
  let unit: string | null = null;
  for (const f of flows) {
    if (f.quantity === null || !(f.quantity > 0) || !f.unit) return { weighting: 'count', unit: null };
    const u = f.unit.trim();
    if (unit === null) unit = u;
    else if (unit.toLowerCase() !== u.toLowerCase()) return { weighting: 'count', unit: null };
  }
  return unit === null ? { weighting: 'count', unit: null } : { weighting: 'quantity', unit };
}

interface SankeyLabels {
  demand: string;
  noStage: string;
  support: string;
}

/**
 * Active product flows aggregated stage → stage (`by: 'stage'`: the source actor's first stage to the
 * target actor's first stage, demand actors as one final node) or actor → actor (`by: 'actor'`).
 * A Sankey must be acyclic: flows that stay inside one node are counted apart, and a depth-first
 * walk in left-to-right order drops the links that would close a cycle (reported in `dropped`).
 */
export function buildSankey(
  map: ChainMap,
  flows: readonly Flow[],
  by: 'stage' | 'actor',
  labels: SankeyLabels,
): SankeyModel {
  const ranks = stageRanks(map.stages);
  const stages = sortedStages(map.stages);
  const actorById = new Map(map.actors.map((a) => [a.id, a]));
  const { weighting, unit } = weightingOf(flows);
  const nodes = new Map<string, SankeyNode>();
  const stageCount = stages.length;

  const nodeOf = (actor: Actor): SankeyNode => {
    if (by === 'actor') {
      const rank = actor.role === 'demand' ? stageCount + 1 : firstStageRank(actor, ranks);
      return { id: actor.id, name: actor.name, rank };
    }
    if (actor.role === 'demand') return { id: 'demand', name: labels.demand, rank: stageCount + 1 };
    if (actor.role === 'support') return { id: 'support', name: labels.support, rank: -2 };
    const rank = firstStageRank(actor, ranks);
    const stage = stages[rank];
    return stage ? { id: stage.id, name: stage.name, rank } : { id: 'none', name: labels.noStage, rank: -1 };
  };

  const links = new Map<string, SankeyLink>();
  let internal = 0;
  for (const flow of flows) {
    const source = actorById.get(flow.sourceId);
    const target = actorById.get(flow.targetId);
    if (!source || !target) continue;
    const a = nodeOf(source);
    const b = nodeOf(target);
    if (a.id === b.id) {
      internal++;
      continue;
    }
    nodes.set(a.id, a);
    nodes.set(b.id, b);
    const key = `${a.id}\u0000${b.id}`;
    const quantity = weighting === 'quantity' ? (flow.quantity ?? 0) : 0;
    const link = links.get(key);
    if (link) {
      link.flows++;
      link.value += weighting === 'quantity' ? quantity : 1;
      if (link.quantity !== null) link.quantity += quantity;
    } else {
      links.set(key, {
        source: a.id,
        target: b.id,
        value: weighting === 'quantity' ? quantity : 1,
        flows: 1,
        quantity: weighting === 'quantity' ? quantity : null,
      });
    }
  }

  const sortedNodes = [...nodes.values()].sort((x, y) => x.rank - y.rank || collator.compare(x.name, y.name));
  const { kept, dropped } = breakCycles(sortedNodes, [...links.values()]);
  const used = new Set<string>();
  for (const link of kept) {
    used.add(link.source);
    used.add(link.target);
  }
  return {
    nodes: sortedNodes.filter((node) => used.has(node.id)),
    links: kept,
    weighting,
    unit,
    dropped,
    internal,
    flowCount: flows.length,
  };
}

/**
 * Splits links into an acyclic set and the back links of an iterative depth-first walk that visits
 * nodes, and each node's targets, in the given order (so the links dropped are the ones going
 * upstream, right to left).
 */
export function breakCycles<L extends { source: string; target: string }>(
  nodes: readonly { id: string }[],
  links: readonly L[],
): { kept: L[]; dropped: L[] } {
  const position = new Map(nodes.map((node, i) => [node.id, i]));
  const out = new Map<string, L[]>();
  for (const link of links) {
    const list = out.get(link.source);
    if (list) list.push(link);
    else out.set(link.source, [link]);
  }
  for (const list of out.values()) {
    list.sort((a, b) => (position.get(a.target) ?? 0) - (position.get(b.target) ?? 0));
  }
  // 0 unvisited, 1 on the stack, 2 done.
  const state = new Map<string, number>();
  const dropped = new Set<L>();
  for (const start of nodes) {
    if (state.get(start.id)) continue;
    const stack: { id: string; next: number }[] = [{ id: start.id, next: 0 }];
    state.set(start.id, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (!top) break;
      const list = out.get(top.id) ?? [];
      const link = list[top.next];
      if (!link) {
        state.set(top.id, 2);
        stack.pop();
        continue;
      }
      top.next++;
      const s = state.get(link.target) ?? 0;
      if (s === 1) dropped.add(link);
      else if (s === 0) {
        state.set(link.target, 1);
        stack.push({ id: link.target, next: 0 });
      }
    }
  }
  return { kept: links.filter((l) => !dropped.has(l)), dropped: links.filter((l) => dropped.has(l)) };
}

/** Today as `YYYY-MM-DD` in the browser's time zone. */
export function todayLocalIso(): string {
  const d = new Date();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${d.getFullYear()}-${m}-${day}`;
}
