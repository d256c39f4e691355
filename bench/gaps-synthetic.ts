/**
 * A synthetic chain for benchmarking the gap analysis: six stages, realistic shares of roles and
 * statuses, product flows running forward between stages with skewed (hub-heavy) degrees, money
 * flowing back, support flows, dated and planned/broken flows, intents with spelling variants.
 */
import type { GapInput } from '../core/src/gaps/analyse';

const STAGES = [
  'Production',
  'Transformation',
  'Agrégation',
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
const CAPITALS = [
  'financial',
  'material',
  'social',
  'intellectual',
  'cultural',
  'spiritual',
  'living',
  'experiential',
];

/** Deterministic PRNG (mulberry32): the same seed gives the same chain. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A synthetic chain of `nActors` actors and `nFlows` flows, deterministic for a seed. */
export function syntheticGapInput(nActors: number, nFlows: number, seed: number): GapInput {
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
  const hex = (i: number, prefix: string) =>
    `${prefix}${i.toString(16).padStart(8, '0')}-0000-7000-8000-000000000000`;

  const stages = STAGES.map((name, i) => ({ id: hex(i, 's'), name, position: i + 1 }));
  const actors: GapInput['actors'] = [];
  const byStage: number[][] = STAGES.map(() => []);
  const demand: number[] = [];
  const support: number[] = [];
  for (let i = 0; i < nActors; i++) {
    const r = rand();
    const role = r < 0.12 ? 'demand' : r < 0.85 ? 'transactional' : 'support';
    const s = rand();
    const status = s < 0.15 ? 'potential' : s < 0.6 ? 'engaged' : s < 0.95 ? 'committed' : 'inactive';
    let stageIds: string[] = [];
    if (role === 'transactional') {
      const first = Math.floor(rand() * 5);
      stageIds = rand() < 0.15 ? [hex(first, 's'), hex(first + 1, 's')] : [hex(first, 's')];
      for (const id of stageIds) byStage[stages.findIndex((st) => st.id === id)]?.push(i);
    } else if (role === 'demand') {
      stageIds = [hex(5, 's')];
      byStage[5]?.push(i);
      demand.push(i);
    } else {
      support.push(i);
    }
    actors.push({
      id: hex(i, 'a'),
      name: `Acteur ${i}`,
      role,
      status,
      stageIds,
      inRegion: rand() < 0.7,
      localOwnershipPct: Math.floor(rand() * 101),
    });
  }

  const flows: GapInput['flows'] = [];
  const stageOf = (i: number) => {
    const s = Math.floor(rand() * 5);
    return byStage[s]?.length ? s : i % 5;
  };
  for (let f = 0; f < nFlows; f++) {
    const t = rand();
    const st = rand();
    const status = st < 0.85 ? 'active' : st < 0.93 ? 'planned' : 'broken';
    const since = rand() < 0.7 ? date(2015, 2025) : null;
    const until = status === 'broken' || rand() < 0.1 ? date(2020, 2027) : null;
    let source = 0;
    let target = 0;
    let type: GapInput['flows'][number]['type'];
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
    flows.push({
      id: hex(f, 'f'),
      sourceId: hex(source, 'a'),
      targetId: hex(target, 'a'),
      type,
      supportKind: type === 'support' ? 'technical_assistance' : null,
      status,
      since,
      until,
      value: type === 'money' ? Math.round(rand() * 50_000) : null,
      quantity: type === 'product' ? Math.round(rand() * 1000) : null,
      unit: type === 'product' ? pick(UNITS) : null,
      product: type === 'product' ? pick(RESOURCES) : null,
    });
  }

  const intents: GapInput['intents'] = [];
  const nIntents = Math.floor(nActors * 0.8);
  for (let i = 0; i < nIntents; i++) {
    const base = pick(RESOURCES);
    // Spelling variants the normalisation must fold together.
    const v = rand();
    const resource = v < 0.2 ? base.toUpperCase() : v < 0.3 ? `${base.toLowerCase()} ` : base;
    intents.push({
      id: hex(i, 'i'),
      actorId: hex(Math.floor(rand() * nActors), 'a'),
      direction: rand() < 0.5 ? 'offer' : 'need',
      resource: rand() < 0.02 ? `${base} spécial ${i}` : resource,
      quantity: rand() < 0.8 ? Math.round(rand() * 500) : null,
      unit: rand() < 0.9 ? pick(UNITS) : null,
    });
  }

  const input: GapInput = {
    today: '2025-06-15',
    locale: 'fr',
    capitals: CAPITALS.map((key) => ({ key, label: key })),
    stages,
    actors,
    flows,
    intents,
    goals: CAPITALS.slice(0, 4).map((c, i) => ({
      id: hex(i, 'g'),
      status: i % 2 ? 'adopted' : 'proposed',
      capitals: [c],
    })),
    indicators: CAPITALS.slice(2, 5).map((c, i) => ({ id: hex(i, 'n'), status: 'adopted', capitals: [c] })),
    resources: Array.from({ length: 200 }, (_, i) => ({
      id: hex(i, 'r'),
      name: `${pick(RESOURCES)} — programme ${i}`,
      kind: pick(['technical_assistance', 'funding', 'training', 'policy']),
      capitals: [pick(CAPITALS)],
      gapKeys: i % 10 === 0 ? ['wealth_leakage:chain'] : [],
      status: pick(['identified', 'contacted', 'applied', 'obtained', 'declined']),
    })),
  };
  // Rows decoded from the database hold flat strings; the template-built ids above are rope strings,
  // which would make every id lookup of the analysis look slower than it is in production.
  return JSON.parse(JSON.stringify(input)) as GapInput;
}
