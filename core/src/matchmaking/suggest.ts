/**
 * Matchmaking (PRODUCT.md, role 3): pairs where one actor offers what another needs and no
 * active flow links them yet, ranked by a documented score (docs/matchmaking.md).
 */
import { flowActiveOn } from '../gaps/flows';
import { normalizeResource } from '../text/normalize';

export interface MatchInput {
  today: string;
  locale: 'fr' | 'en';
  stages: { id: string; position: number }[];
  actors: {
    id: string;
    name: string;
    status: string;
    stageIds: string[];
    lat: number | null;
    lon: number | null;
    localOwnershipPct: number;
  }[];
  flows: {
    sourceId: string;
    targetId: string;
    status: 'active' | 'planned' | 'broken';
    since?: string | null;
    until?: string | null;
  }[];
  intents: {
    id: string;
    actorId: string;
    direction: 'offer' | 'need';
    resource: string;
    quantity: number | null;
    unit: string | null;
  }[];
  /** Pairs already introduced and declined are not suggested again. */
  declined: { fromActorId: string; toActorId: string }[];
}

export interface MatchSuggestion {
  fromActorId: string;
  toActorId: string;
  offerIntentId: string;
  needIntentId: string;
  resource: string;
  score: number;
  reason: string;
}

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const fmt = (x: number, locale: 'fr' | 'en') =>
  new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(x);

/**
 * Score out of 100: quantity fit 40 (min/max of the two quantities in the same unit; 20 when
 * unknown), supply-chain adjacency 20 (the offerer's stage right before the needer's: 20; the same
 * stage: 10), distance 20 (20 at 0 km down to 0 at 100 km; 10 when a location is missing), local
 * ownership 20 (the offerer's share of local ownership). Ties broken by names.
 */
export function suggestMatches(input: MatchInput): MatchSuggestion[] {
  const actors = new Map(input.actors.filter((a) => a.status !== 'inactive').map((a) => [a.id, a]));
  const position = new Map(input.stages.map((s) => [s.id, s.position]));
  const linked = new Set<string>();
  for (const f of input.flows) {
    if (!flowActiveOn(f, input.today)) continue;
    linked.add(`${f.sourceId}|${f.targetId}`);
    linked.add(`${f.targetId}|${f.sourceId}`);
  }
  for (const d of input.declined) linked.add(`${d.fromActorId}|${d.toActorId}`);
  const offers = new Map<string, MatchInput['intents']>();
  for (const i of input.intents) {
    if (i.direction !== 'offer' || !actors.has(i.actorId)) continue;
    const key = normalizeResource(i.resource);
    offers.set(key, [...(offers.get(key) ?? []), i]);
  }
  const t = input.locale === 'fr';
  const out: MatchSuggestion[] = [];
  for (const need of input.intents) {
    if (need.direction !== 'need') continue;
    const to = actors.get(need.actorId);
    if (!to) continue;
    for (const offer of offers.get(normalizeResource(need.resource)) ?? []) {
      const from = actors.get(offer.actorId);
      if (!from || from.id === to.id || linked.has(`${from.id}|${to.id}`)) continue;
      const reasons: string[] = [];
      let quantity = 20;
      const sameUnit =
        offer.unit && need.unit && normalizeResource(offer.unit) === normalizeResource(need.unit);
      if (sameUnit && offer.quantity && need.quantity) {
        quantity = (Math.min(offer.quantity, need.quantity) / Math.max(offer.quantity, need.quantity)) * 40;
        reasons.push(
          t
            ? `${fmt(offer.quantity, 'fr')} ${offer.unit} proposés pour ${fmt(need.quantity, 'fr')} ${need.unit} demandés`
            : `${fmt(offer.quantity, 'en')} ${offer.unit} offered for ${fmt(need.quantity, 'en')} ${need.unit} needed`,
        );
      }
      const fromPos = from.stageIds.map((s) => position.get(s)).filter((p): p is number => p !== undefined);
      const toPos = to.stageIds.map((s) => position.get(s)).filter((p): p is number => p !== undefined);
      let adjacency = 0;
      if (fromPos.some((p) => toPos.includes(p + 1))) {
        adjacency = 20;
        reasons.push(t ? 'maillons voisins' : 'neighbouring stages');
      } else if (fromPos.some((p) => toPos.includes(p))) {
        adjacency = 10;
        reasons.push(t ? 'même maillon' : 'same stage');
      }
      let distance = 10;
      if (from.lat !== null && from.lon !== null && to.lat !== null && to.lon !== null) {
        const km = distanceKm({ lat: from.lat, lon: from.lon }, { lat: to.lat, lon: to.lon });
        distance = Math.max(0, 1 - km / 100) * 20;
        reasons.push(t ? `à ${fmt(km, 'fr')} km` : `${fmt(km, 'en')} km apart`);
      }
      const local = (Math.max(0, Math.min(100, from.localOwnershipPct)) / 100) * 20;
      if (from.localOwnershipPct >= 50)
        reasons.push(
          t
            ? `propriété locale ${fmt(from.localOwnershipPct, 'fr')} %`
            : `${fmt(from.localOwnershipPct, 'en')}% locally owned`,
        );
      const score = Math.round((quantity + adjacency + distance + local) * 10) / 10;
      const head = t
        ? `« ${from.name} » propose « ${offer.resource} », dont « ${to.name} » a besoin`
        : `“${from.name}” offers “${offer.resource}”, which “${to.name}” needs`;
      out.push({
        fromActorId: from.id,
        toActorId: to.id,
        offerIntentId: offer.id,
        needIntentId: need.id,
        resource: need.resource,
        score,
        reason:
          reasons.length > 0
            ? `${head} : ${reasons.join(' ; ')}.`.replace(' : ', t ? ' : ' : ': ')
            : `${head}.`,
      });
    }
  }
  const name = (id: string) => actors.get(id)?.name ?? '';
  return out.sort(
    (a, b) =>
      b.score - a.score ||
      name(a.fromActorId).localeCompare(name(b.fromActorId)) ||
      name(a.toActorId).localeCompare(name(b.toActorId)) ||
      a.offerIntentId.localeCompare(b.offerIntentId),
  );
}
