import { describe, expect, it } from 'vitest';
import { distanceKm, type MatchInput, suggestMatches } from './suggest';

const base = (): MatchInput => ({
  today: '2026-11-30',
  locale: 'fr',
  stages: [
    { id: 'P', position: 0 },
    { id: 'M', position: 1 },
    { id: 'B', position: 2 },
  ],
  actors: [
    {
      id: 'mill',
      name: 'Moulin',
      status: 'engaged',
      stageIds: ['M'],
      lat: 44.72,
      lon: 5.05,
      localOwnershipPct: 100,
    },
    {
      id: 'bakery',
      name: 'Fournil',
      status: 'engaged',
      stageIds: ['B'],
      lat: 44.75,
      lon: 5.37,
      localOwnershipPct: 100,
    },
    {
      id: 'far',
      name: 'Minoterie lointaine',
      status: 'engaged',
      stageIds: ['M'],
      lat: 45.73,
      lon: 4.84,
      localOwnershipPct: 0,
    },
    {
      id: 'gone',
      name: 'Fermé',
      status: 'inactive',
      stageIds: ['M'],
      lat: null,
      lon: null,
      localOwnershipPct: 100,
    },
  ],
  flows: [],
  intents: [
    { id: 'n1', actorId: 'bakery', direction: 'need', resource: 'Farine T80', quantity: 30, unit: 't' },
    { id: 'o1', actorId: 'mill', direction: 'offer', resource: 'farine  t80', quantity: 40, unit: 'T' },
    { id: 'o2', actorId: 'far', direction: 'offer', resource: 'FARINE-T80', quantity: 500, unit: 't' },
    { id: 'o3', actorId: 'gone', direction: 'offer', resource: 'Farine T80', quantity: 30, unit: 't' },
  ],
  declined: [],
});

describe('matchmaking', () => {
  it('matches offers and needs case- and accent-insensitively and ranks by the documented score', () => {
    const s = suggestMatches(base());
    expect(s.map((x) => [x.fromActorId, x.toActorId, x.offerIntentId, x.needIntentId])).toEqual([
      ['mill', 'bakery', 'o1', 'n1'],
      ['far', 'bakery', 'o2', 'n1'],
    ]);
    const top = s[0];
    // Quantity 30/40 × 40 = 30; neighbouring stages 20; about 25 km → 20 × 0.75; local 20.
    const km = distanceKm({ lat: 44.72, lon: 5.05 }, { lat: 44.75, lon: 5.37 });
    expect(top?.score).toBeCloseTo(30 + 20 + (1 - km / 100) * 20 + 20, 0);
    expect(top?.reason).toContain('« Moulin » propose « farine  t80 », dont « Fournil » a besoin');
    expect(top?.reason).toContain('maillons voisins');
    expect(s[1]?.score).toBeLessThan(top?.score ?? 0);
  });

  it('drops pairs already linked by an active flow (either way) or declined, keeps broken or future links', () => {
    const linked = {
      ...base(),
      flows: [{ sourceId: 'bakery', targetId: 'mill', status: 'active' as const }],
    };
    expect(suggestMatches(linked).map((x) => x.fromActorId)).toEqual(['far']);
    const past = {
      ...base(),
      flows: [{ sourceId: 'mill', targetId: 'bakery', status: 'active' as const, until: '2020-01-01' }],
    };
    expect(suggestMatches(past).map((x) => x.fromActorId)).toEqual(['mill', 'far']);
    const declined = { ...base(), declined: [{ fromActorId: 'far', toActorId: 'bakery' }] };
    expect(suggestMatches(declined).map((x) => x.fromActorId)).toEqual(['mill']);
  });

  it('scores unknown quantities and locations in the middle, and explains in English', () => {
    const input = base();
    input.locale = 'en';
    input.intents = [
      { id: 'n1', actorId: 'bakery', direction: 'need', resource: 'Four à bois', quantity: null, unit: null },
      { id: 'o1', actorId: 'far', direction: 'offer', resource: 'four a bois', quantity: null, unit: null },
    ];
    input.actors = input.actors.map((a) => (a.id === 'far' ? { ...a, lat: null, lon: null } : a));
    const [s] = suggestMatches(input);
    expect(s?.score).toBe(20 + 20 + 10 + 0);
    expect(s?.reason).toBe(
      '“Minoterie lointaine” offers “four a bois”, which “Fournil” needs: neighbouring stages.',
    );
  });
});
