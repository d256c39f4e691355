import { describe, expect, it } from 'vitest';
import { analyseGaps, GAP_TYPE_ORDER, type Gap, type GapInput, type GapTypeName } from './analyse';

type ActorIn = GapInput['actors'][number];
type FlowIn = GapInput['flows'][number];
type IntentIn = GapInput['intents'][number];

const TODAY = '2025-06-15';

/** An actor: transactional, engaged, local by default. */
function actor(id: string, stageIds: string[] = [], over: Partial<ActorIn> = {}): ActorIn {
  return {
    id,
    name: id.charAt(0).toUpperCase() + id.slice(1),
    role: 'transactional',
    status: 'engaged',
    stageIds,
    inRegion: true,
    localOwnershipPct: 100,
    ...over,
  };
}

const demand = (id: string, over: Partial<ActorIn> = {}) => actor(id, [], { role: 'demand', ...over });
const support = (id: string, stageIds: string[] = [], over: Partial<ActorIn> = {}) =>
  actor(id, stageIds, { role: 'support', ...over });

let flowSeq = 0;
function flow(sourceId: string, targetId: string, over: Partial<FlowIn> = {}): FlowIn {
  flowSeq++;
  return { id: `f${flowSeq}`, sourceId, targetId, type: 'product', status: 'active', ...over };
}

function intent(
  id: string,
  actorId: string,
  direction: 'offer' | 'need',
  resource: string,
  quantity: number | null = null,
  unit: string | null = null,
): IntentIn {
  return { id, actorId, direction, resource, quantity, unit };
}

/** A chain snapshot; stages default to production → transformation → distribution (ids = lower-case names). */
function chain(
  spec: Partial<Omit<GapInput, 'stages'>> & { stages?: string[] | GapInput['stages'] } = {},
): GapInput {
  const names = spec.stages ?? ['Production', 'Transformation', 'Distribution'];
  const stages = names.map((s, i) =>
    typeof s === 'string' ? { id: s.toLowerCase(), name: s, position: i + 1 } : s,
  );
  return {
    today: TODAY,
    locale: 'en',
    capitals: [],
    actors: [],
    flows: [],
    intents: [],
    goals: [],
    indicators: [],
    resources: [],
    ...spec,
    stages,
  };
}

const ofType = (input: GapInput, type: GapTypeName): Gap[] =>
  analyseGaps(input).filter((g) => g.type === type);
const keysOf = (input: GapInput, type: GapTypeName): string[] => ofType(input, type).map((g) => g.key);

describe('missing_stage and single_actor_stage', () => {
  it('flags a stage with no active transactional actor', () => {
    const input = chain({
      actors: [
        actor('farm', ['production']),
        actor('farm2', ['production']),
        actor('wannabe', ['transformation'], { status: 'potential' }),
        actor('closed', ['transformation'], { status: 'inactive' }),
        support('advisor', ['transformation']),
        actor('shop', ['distribution']),
        actor('shop2', ['distribution'], { status: 'committed' }),
      ],
    });
    const gaps = ofType(input, 'missing_stage');
    expect(gaps.map((g) => [g.key, g.severity, g.entityIds])).toEqual([
      ['missing_stage:transformation', 'high', ['transformation']],
    ]);
    expect(gaps[0]?.explanation).toContain('“Transformation”');
    // Potential actors of the stage first, then the inactive ones.
    expect(gaps[0]?.suggestions.map((s) => [s.kind, s.id])).toEqual([
      ['actor', 'wannabe'],
      ['actor', 'closed'],
    ]);
    expect(ofType(input, 'single_actor_stage')).toEqual([]);
  });

  it('flags a stage carried by exactly one active transactional actor', () => {
    const input = chain({
      stages: ['Production', 'Transformation'],
      actors: [
        // Listing a stage twice does not make two actors.
        actor('farm', ['production', 'production']),
        actor('mill', ['transformation']),
        actor('mill2', ['transformation'], { status: 'committed' }),
        demand('buyer', { stageIds: ['production'] }),
      ],
    });
    const gaps = ofType(input, 'single_actor_stage');
    expect(gaps.map((g) => [g.key, g.severity, g.entityIds])).toEqual([
      ['single_actor_stage:production', 'medium', ['production', 'farm']],
    ]);
    expect(gaps[0]?.explanation).toBe(
      'Only “Farm” carries the stage “Production”: if it stops, the stage is empty.',
    );
  });

  it('explains in French with French quotes', () => {
    const input = chain({ locale: 'fr', stages: ['Agrégation'], actors: [actor('moulin', ['agrégation'])] });
    const gap = ofType(input, 'single_actor_stage')[0];
    expect(gap?.explanation).toContain('«\u00a0Moulin\u00a0»');
    expect(gap?.explanation).toContain('«\u00a0Agrégation\u00a0»');
  });
});

describe('bottleneck', () => {
  it('finds the single mill between two farms and two shops', () => {
    const input = chain({
      actors: [
        actor('farm1', ['production']),
        actor('farm2', ['production']),
        actor('mill', ['transformation']),
        actor('baker1', ['distribution']),
        actor('baker2', ['distribution']),
        demand('shop1'),
        demand('shop2'),
      ],
      flows: [
        flow('farm1', 'mill'),
        flow('farm2', 'mill'),
        flow('mill', 'baker1'),
        flow('mill', 'baker2'),
        flow('baker1', 'shop1'),
        flow('baker2', 'shop2'),
      ],
    });
    const gaps = ofType(input, 'bottleneck');
    expect(gaps.map((g) => [g.key, g.severity, g.entityIds])).toEqual([
      ['bottleneck:mill', 'high', ['mill']],
    ]);
    expect(gaps[0]?.explanation).toBe(
      '2 producers reach demand actors only through “Mill”: without it, their products no longer reach any buyer.',
    );
  });

  it('finds no bottleneck with two parallel mills', () => {
    const input = chain({
      actors: [
        actor('farm', ['production']),
        actor('mill1', ['transformation']),
        actor('mill2', ['transformation']),
        demand('shop1'),
        demand('shop2'),
      ],
      flows: [flow('farm', 'mill1'), flow('farm', 'mill2'), flow('mill1', 'shop1'), flow('mill2', 'shop2')],
    });
    expect(keysOf(input, 'bottleneck')).toEqual([]);
  });

  it('names the only producer a sole buyer holds', () => {
    const input = chain({
      actors: [actor('farm', ['production']), demand('coop')],
      flows: [flow('farm', 'coop')],
    });
    const gaps = ofType(input, 'bottleneck');
    expect(gaps.map((g) => [g.key, g.severity])).toEqual([['bottleneck:coop', 'medium']]);
    expect(gaps[0]?.explanation).toContain('The producer “Farm” reaches demand actors only through “Coop”');
  });

  it('marks every link of a single line, counting the producers each one cuts off', () => {
    const input = chain({
      actors: [
        actor('farm1', ['production']),
        actor('farm2', ['production']),
        actor('mill', ['transformation']),
        demand('shop'),
      ],
      // farm1 sells only to farm2 (a producer can be a bottleneck for another producer).
      flows: [flow('farm1', 'farm2'), flow('farm2', 'mill'), flow('mill', 'shop')],
    });
    expect(ofType(input, 'bottleneck').map((g) => [g.key, g.severity])).toEqual([
      ['bottleneck:farm2', 'medium'],
      ['bottleneck:mill', 'high'],
      ['bottleneck:shop', 'high'],
    ]);
  });

  it('follows product flows in their direction only', () => {
    const input = chain({
      actors: [actor('farm', ['production']), actor('mill', ['transformation']), demand('shop')],
      // shop → mill is the wrong way: the farm has no path to any buyer, so nothing can be cut.
      flows: [flow('farm', 'mill'), flow('shop', 'mill')],
    });
    expect(keysOf(input, 'bottleneck')).toEqual([]);
  });

  it('ignores a producer with no path at all and flows of other types', () => {
    const input = chain({
      actors: [actor('farm', ['production']), actor('mill', ['transformation']), demand('shop')],
      flows: [flow('farm', 'mill', { type: 'money' }), flow('mill', 'shop', { type: 'service' })],
    });
    expect(keysOf(input, 'bottleneck')).toEqual([]);
  });

  it('ignores planned, expired and not-yet-started flows, and actors that are not active', () => {
    const line = (over: Partial<FlowIn>, status: ActorIn['status'] = 'engaged') =>
      chain({
        actors: [
          actor('farm', ['production']),
          actor('mill', ['transformation'], { status }),
          demand('shop'),
        ],
        flows: [flow('farm', 'mill', over), flow('mill', 'shop')],
      });
    expect(keysOf(line({}), 'bottleneck')).toEqual(['bottleneck:mill', 'bottleneck:shop']);
    expect(keysOf(line({ status: 'planned' }), 'bottleneck')).toEqual([]);
    expect(keysOf(line({ until: '2025-06-14' }), 'bottleneck')).toEqual([]);
    expect(keysOf(line({ since: '2025-06-16' }), 'bottleneck')).toEqual([]);
    expect(keysOf(line({ status: 'broken' }), 'bottleneck')).toEqual([]);
    expect(keysOf(line({ status: 'broken', until: '2025-12-31' }), 'bottleneck')).toEqual([
      'bottleneck:mill',
      'bottleneck:shop',
    ]);
    expect(keysOf(line({}, 'potential'), 'bottleneck')).toEqual([]);
    expect(keysOf(line({}, 'committed'), 'bottleneck')).toEqual(['bottleneck:mill', 'bottleneck:shop']);
  });

  it('takes producers from the stage of lowest position, not the first listed', () => {
    const stages = [
      { id: 'sale', name: 'Sale', position: 3 },
      { id: 'grow', name: 'Grow', position: 1 },
      { id: 'mill', name: 'Mill', position: 2 },
    ];
    const input = chain({
      stages,
      actors: [
        actor('farm', ['grow']),
        actor('miller', ['mill']),
        actor('seller', ['sale']),
        actor('seller2', ['sale']),
        demand('shop'),
        demand('shop2'),
      ],
      // Only the miller depends on the seller; the farm has two routes after the miller.
      flows: [
        flow('farm', 'miller'),
        flow('miller', 'seller'),
        flow('miller', 'seller2'),
        flow('seller', 'shop'),
        flow('seller2', 'shop2'),
      ],
    });
    expect(keysOf(input, 'bottleneck')).toEqual(['bottleneck:miller']);
  });

  it('suggests other active, then potential, transactional actors of the same stage', () => {
    const input = chain({
      actors: [
        actor('farm', ['production']),
        actor('mill', ['transformation']),
        actor('zmill', ['transformation']),
        actor('amill', ['transformation'], { status: 'potential' }),
        actor('oldmill', ['transformation'], { status: 'inactive' }),
        demand('shop'),
        demand('shop2'),
      ],
      flows: [flow('farm', 'mill'), flow('mill', 'shop'), flow('mill', 'shop2')],
    });
    const gap = ofType(input, 'bottleneck').find((g) => g.key === 'bottleneck:mill');
    expect(gap?.suggestions.map((s) => s.id)).toEqual(['zmill', 'amill']);
    expect(gap?.suggestions[0]?.reason).toBe('Also works in the stage “Transformation”.');
  });
});

describe('isolated_actor', () => {
  const base = (flows: FlowIn[], status: ActorIn['status'] = 'engaged') =>
    chain({ actors: [actor('alone', ['production'], { status }), actor('other', ['production'])], flows });

  it('flags an active actor with no active flow at all', () => {
    const gaps = ofType(base([]), 'isolated_actor');
    expect(gaps.map((g) => [g.key, g.severity, g.entityIds])).toEqual([
      ['isolated_actor:alone', 'low', ['alone']],
      ['isolated_actor:other', 'low', ['other']],
    ]);
    expect(gaps[0]?.explanation).toContain('“Alone”');
    expect(ofType(base([], 'committed'), 'isolated_actor')[0]?.severity).toBe('medium');
  });

  it('ignores potential and inactive actors', () => {
    expect(keysOf(base([], 'potential'), 'isolated_actor')).toEqual(['isolated_actor:other']);
    expect(keysOf(base([], 'inactive'), 'isolated_actor')).toEqual(['isolated_actor:other']);
  });

  it('counts a flow of any type, in or out, only while it is active', () => {
    expect(keysOf(base([flow('other', 'alone', { type: 'information' })]), 'isolated_actor')).toEqual([]);
    expect(keysOf(base([flow('alone', 'other', { type: 'money', value: 5 })]), 'isolated_actor')).toEqual([]);
    expect(keysOf(base([flow('alone', 'other', { status: 'planned' })]), 'isolated_actor')).toHaveLength(2);
    expect(keysOf(base([flow('alone', 'other', { until: '2024-12-31' })]), 'isolated_actor')).toHaveLength(2);
  });

  it('suggests actors offering what it needs or needing what it offers', () => {
    const input = chain({
      actors: [
        actor('alone', ['production']),
        actor('seller', [], { status: 'potential' }),
        actor('buyer', []),
        actor('gone', [], { status: 'inactive' }),
        actor('unrelated', []),
      ],
      intents: [
        intent('i1', 'alone', 'need', 'Blé dur'),
        intent('i2', 'alone', 'offer', 'Paille'),
        intent('i3', 'seller', 'offer', 'BLE DUR'),
        intent('i4', 'buyer', 'need', 'paille'),
        intent('i5', 'gone', 'offer', 'blé dur'),
        intent('i6', 'unrelated', 'offer', 'Orge'),
      ],
    });
    const gap = ofType(input, 'isolated_actor').find((g) => g.key === 'isolated_actor:alone');
    expect(gap?.suggestions.map((s) => s.id)).toEqual(['buyer', 'seller']);
    expect(gap?.suggestions[1]?.reason).toBe('Offers “Blé dur”, which “Alone” needs.');
  });
});

describe('no_support', () => {
  const input = (flows: FlowIn[], over: Partial<ActorIn> = {}) =>
    chain({
      actors: [
        actor('farm', ['production'], over),
        support('bank', [], { name: 'Bank' }),
        support('advisor', ['production'], { name: 'Advisor' }),
        support('sleeping', ['production'], { status: 'potential' }),
        demand('shop'),
      ],
      flows,
    });

  it('flags an active transactional actor that receives no active support flow', () => {
    const gaps = ofType(input([]), 'no_support');
    expect(gaps.map((g) => [g.key, g.severity, g.entityIds])).toEqual([['no_support:farm', 'low', ['farm']]]);
    expect(gaps[0]?.explanation).toContain('“Farm” receives no active support flow');
  });

  it('is satisfied by an active support flow reaching it, not by one it gives', () => {
    expect(keysOf(input([flow('bank', 'farm', { type: 'support' })]), 'no_support')).toEqual([]);
    expect(keysOf(input([flow('farm', 'bank', { type: 'support' })]), 'no_support')).toEqual([
      'no_support:farm',
    ]);
    expect(
      keysOf(input([flow('bank', 'farm', { type: 'support', status: 'broken' })]), 'no_support'),
    ).toEqual(['no_support:farm']);
    expect(keysOf(input([flow('bank', 'farm', { type: 'money' })]), 'no_support')).toEqual([
      'no_support:farm',
    ]);
  });

  it('ignores actors that are not active or not transactional', () => {
    expect(keysOf(input([], { status: 'potential' }), 'no_support')).toEqual([]);
    expect(keysOf(input([], { role: 'demand' }), 'no_support')).toEqual([]);
  });

  it('suggests active support actors, those of its stage first', () => {
    const gaps = ofType(input([flow('bank', 'shop', { type: 'support' })]), 'no_support');
    expect(gaps[0]?.suggestions.map((s) => s.id)).toEqual(['advisor', 'bank']);
    expect(gaps[0]?.suggestions[0]?.reason).toBe(
      'Active support actor of the stage “Production”, already giving 0 support flows.',
    );
    expect(gaps[0]?.suggestions[1]?.reason).toBe('Active support actor, already giving 1 support flow.');
  });
});

describe('unmet_demand and underused_resource', () => {
  const market = (intents: IntentIn[], sellerStatus: ActorIn['status'] = 'engaged') =>
    chain({
      actors: [
        actor('mill', [], { status: sellerStatus }),
        actor('baker', []),
        actor('cafe', [], { status: 'potential' }),
        actor('bistro', [], { status: 'inactive' }),
      ],
      intents,
    });

  it('adds up needs and offers of the same resource and unit, whatever the spelling', () => {
    const input = market([
      intent('o1', 'mill', 'offer', 'Farine T80', 100, 'kg'),
      intent('n1', 'baker', 'need', 'farine  t80', 80, 'KG'),
      intent('n2', 'cafe', 'need', 'FARINE-T80', 50, 'kg.'),
      intent('n3', 'bistro', 'need', 'Farine T80', 500, 'kg'),
    ]);
    const gaps = ofType(input, 'unmet_demand');
    expect(gaps.map((g) => [g.key, g.severity, g.resource, g.entityIds])).toEqual([
      ['unmet_demand:farine-t80:kg', 'medium', 'Farine T80', ['o1', 'n1', 'n2']],
    ]);
    expect(gaps[0]?.explanation).toBe(
      'Needs for “Farine T80” add up to 130\u00a0kg but offers to only 100\u00a0kg: 30\u00a0kg are missing.',
    );
  });

  it('is high when needs exceed twice the offers, and absent when they balance', () => {
    const high = market([
      intent('o1', 'mill', 'offer', 'Blé', 10, 't'),
      intent('n1', 'baker', 'need', 'ble', 21, 't'),
    ]);
    expect(ofType(high, 'unmet_demand').map((g) => g.severity)).toEqual(['high']);
    const even = market([
      intent('o1', 'mill', 'offer', 'Blé', 10, 't'),
      intent('n1', 'baker', 'need', 'ble', 10, 't'),
    ]);
    expect(ofType(even, 'unmet_demand')).toEqual([]);
  });

  it('does not add up different units', () => {
    const input = market([
      intent('o1', 'mill', 'offer', 'Lait', 100, 'L'),
      intent('n1', 'baker', 'need', 'lait', 150, 'kg'),
    ]);
    expect(ofType(input, 'unmet_demand')).toEqual([]);
    // Offered in another unit is still offered.
    expect(ofType(input, 'unmatched_need')).toEqual([]);
  });

  it('ignores intents without a quantity or a unit in the sums', () => {
    const input = market([
      intent('o1', 'mill', 'offer', 'Miel', 10, 'kg'),
      intent('o2', 'mill', 'offer', 'Miel', null, 'kg'),
      intent('n1', 'baker', 'need', 'Miel', 12, 'kg'),
      intent('n2', 'cafe', 'need', 'Miel', 100, null),
    ]);
    expect(ofType(input, 'unmet_demand').map((g) => g.entityIds)).toEqual([['o1', 'o2', 'n1']]);
    // An offer of unknown quantity says nothing about the balance.
    const unknown = market([
      intent('o1', 'mill', 'offer', 'Miel', null, 'kg'),
      intent('n1', 'baker', 'need', 'Miel', 12, 'kg'),
    ]);
    expect(ofType(unknown, 'unmet_demand')).toEqual([]);
  });

  it('ignores the offers of inactive actors', () => {
    const input = market(
      [intent('o1', 'mill', 'offer', 'Orge', 100, 'kg'), intent('n1', 'baker', 'need', 'Orge', 50, 'kg')],
      'inactive',
    );
    expect(ofType(input, 'unmet_demand')).toEqual([]);
    expect(ofType(input, 'underused_resource')).toEqual([]);
    expect(keysOf(input, 'unmatched_need')).toEqual(['unmatched_need:n1']);
  });

  it('suggests actors offering the resource in another unit', () => {
    const input = market([
      intent('o1', 'mill', 'offer', 'Blé', 1, 't'),
      intent('n1', 'baker', 'need', 'Blé', 5, 't'),
      intent('o2', 'cafe', 'offer', 'blé', 300, 'kg'),
    ]);
    const gap = ofType(input, 'unmet_demand')[0];
    expect(gap?.suggestions.map((s) => [s.kind, s.id, s.reason])).toEqual([
      ['actor', 'cafe', 'Offers “Blé” in another unit or without a quantity.'],
    ]);
  });

  it('flags offers that exceed needs by more than half', () => {
    const at = (offered: number) =>
      ofType(
        market([
          intent('o1', 'mill', 'offer', 'Son', offered, 'kg'),
          intent('n1', 'baker', 'need', 'son', 100, 'kg'),
        ]),
        'underused_resource',
      );
    expect(at(150)).toEqual([]);
    expect(at(151).map((g) => [g.key, g.severity, g.resource, g.entityIds])).toEqual([
      ['underused_resource:son:kg', 'low', 'Son', ['o1', 'n1']],
    ]);
    expect(at(301).map((g) => g.severity)).toEqual(['medium']);
    expect(at(151)[0]?.explanation).toBe(
      'Offers of “Son” add up to 151\u00a0kg but needs to only 100\u00a0kg: 51\u00a0kg find no taker in the chain.',
    );
  });

  it('needs at least one need in the group to call an offer underused', () => {
    const input = market([
      intent('o1', 'mill', 'offer', 'Son', 500, 'kg'),
      intent('n1', 'baker', 'need', 'son', 1, 't'),
    ]);
    expect(ofType(input, 'underused_resource')).toEqual([]);
  });
});

describe('unmatched_need', () => {
  it('flags a need that no live actor offers, in any unit', () => {
    const input = chain({
      actors: [actor('baker'), actor('mill'), actor('gone', [], { status: 'inactive' })],
      intents: [
        intent('n1', 'baker', 'need', 'Blé', 5, 't'),
        intent('o1', 'mill', 'offer', 'BLE', null, null),
        intent('n2', 'baker', 'need', 'Épeautre'),
        intent('o2', 'gone', 'offer', 'epeautre'),
        intent('n3', 'gone', 'need', 'Seigle'),
      ],
      resources: [
        {
          id: 'r1',
          name: 'Filière épeautre locale',
          kind: 'technical_assistance',
          capitals: [],
          gapKeys: [],
          status: 'identified',
        },
        {
          id: 'r2',
          name: 'Épeautres du monde',
          kind: 'funding',
          capitals: [],
          gapKeys: [],
          status: 'identified',
        },
      ],
    });
    const gaps = ofType(input, 'unmatched_need');
    expect(gaps.map((g) => [g.key, g.severity, g.resource, g.entityIds])).toEqual([
      ['unmatched_need:n2', 'medium', 'Épeautre', ['n2']],
    ]);
    expect(gaps[0]?.explanation).toBe('“Baker” needs “Épeautre”, which no actor of the chain offers.');
    // The inactive actor that offered it, then outside resources about it (whole words only).
    expect(gaps[0]?.suggestions.map((s) => [s.kind, s.id])).toEqual([
      ['actor', 'gone'],
      ['resource', 'r1'],
    ]);
  });
});

describe('wealth_leakage', () => {
  const money = (outside: number, local: number, extra: FlowIn[] = []) =>
    chain({
      actors: [
        actor('import', ['transformation'], { inRegion: false }),
        actor('franchise', ['transformation'], { localOwnershipPct: 49 }),
        actor('local', ['transformation'], { localOwnershipPct: 50 }),
        actor('alt', ['transformation'], { status: 'committed' }),
        actor('potential-alt', ['transformation'], { status: 'potential' }),
        demand('shop', { inRegion: false }),
        support('bank', [], { inRegion: false }),
        actor('closed', [], { status: 'inactive', inRegion: false }),
      ],
      flows: [
        flow('shop', 'import', { type: 'money', value: outside / 2 }),
        flow('shop', 'franchise', { type: 'money', value: outside / 2 }),
        flow('shop', 'franchise', { type: 'money', value: -1 }),
        flow('shop', 'local', { type: 'money', value: local }),
        ...extra,
      ],
    });

  it('is not a gap at exactly half', () => {
    expect(ofType(money(100, 100), 'wealth_leakage')).toEqual([]);
    expect(ofType(money(100, 99.9), 'wealth_leakage').map((g) => g.key)).toEqual(['wealth_leakage:chain']);
  });

  it('flags more than half going out of the region or to non-local owners', () => {
    const gaps = ofType(money(121, 79), 'wealth_leakage');
    expect(gaps.map((g) => [g.key, g.severity, g.entityIds])).toEqual([
      ['wealth_leakage:chain', 'medium', ['franchise', 'import']],
    ]);
    expect(gaps[0]?.explanation).toBe(
      '60.5% of the money paid to transactional actors (121 of 200) goes to actors outside the region or less than 50% locally owned. Largest recipient: “Franchise”.',
    );
    expect(gaps[0]?.suggestions.map((s) => s.id)).toEqual(['alt', 'local']);
  });

  it('is high above three quarters', () => {
    expect(ofType(money(300, 50), 'wealth_leakage').map((g) => g.severity)).toEqual(['high']);
  });

  it('counts only active money flows to transactional actors that are not inactive', () => {
    const ignored = [
      flow('shop', 'bank', { type: 'money', value: 1000 }),
      flow('local', 'shop', { type: 'money', value: 1000 }),
      flow('shop', 'closed', { type: 'money', value: 1000 }),
      flow('shop', 'import', { type: 'money', value: 1000, status: 'planned' }),
      flow('shop', 'import', { type: 'money', value: 1000, until: '2025-01-01' }),
      flow('shop', 'import', { type: 'product', value: 1000 }),
    ];
    expect(ofType(money(100, 100, ignored), 'wealth_leakage')).toEqual([]);
  });

  it('explains the share in French', () => {
    const gap = ofType({ ...money(121, 79), locale: 'fr' }, 'wealth_leakage')[0];
    expect(gap?.explanation).toContain('60,5\u00a0%');
    expect(gap?.explanation).toContain('«\u00a0Franchise\u00a0»');
  });
});

describe('uncovered_capital', () => {
  const input = (locale: 'fr' | 'en' = 'en') =>
    chain({
      locale,
      capitals: [
        { key: 'financial', label: locale === 'fr' ? 'Financier' : 'Financial' },
        { key: 'social', label: 'Social' },
        { key: 'living', label: locale === 'fr' ? 'Vivant' : 'Living' },
        { key: 'cultural', label: locale === 'fr' ? 'Culturel' : 'Cultural' },
      ],
      goals: [
        { id: 'g1', status: 'adopted', capitals: ['financial'] },
        { id: 'g2', status: 'proposed', capitals: ['living'] },
        { id: 'g3', status: 'abandoned', capitals: ['cultural'] },
      ],
      indicators: [
        { id: 'k1', status: 'adopted', capitals: ['social'] },
        { id: 'k2', status: 'proposed', capitals: ['cultural', 'financial'] },
      ],
      resources: [
        {
          id: 'r1',
          name: 'Nature fund',
          kind: 'funding',
          capitals: ['living'],
          gapKeys: [],
          status: 'identified',
        },
        {
          id: 'r2',
          name: 'Another fund',
          kind: 'funding',
          capitals: ['living'],
          gapKeys: [],
          status: 'declined',
        },
      ],
    });

  it('flags capitals with no adopted goal and no adopted indicator', () => {
    const gaps = ofType(input(), 'uncovered_capital');
    expect(gaps.map((g) => [g.key, g.severity, g.capital, g.entityIds])).toEqual([
      ['uncovered_capital:cultural', 'low', 'cultural', []],
      ['uncovered_capital:living', 'low', 'living', []],
    ]);
    expect(gaps[1]?.explanation).toContain(
      'The “Living” capital has no adopted goal and no adopted indicator',
    );
    expect(gaps[1]?.suggestions).toEqual([
      { kind: 'resource', id: 'r1', reason: 'Serves the “Living” capital.' },
    ]);
  });

  it('is medium when nothing at all is proposed for the capital', () => {
    const bare = { ...input(), goals: [], indicators: [] };
    expect(ofType(bare, 'uncovered_capital').map((g) => [g.key, g.severity])).toEqual([
      ['uncovered_capital:cultural', 'medium'],
      ['uncovered_capital:financial', 'medium'],
      ['uncovered_capital:living', 'medium'],
      ['uncovered_capital:social', 'medium'],
    ]);
  });

  it('names the capital in French', () => {
    expect(ofType(input('fr'), 'uncovered_capital')[1]?.explanation).toContain(
      'Le capital «\u00a0Vivant\u00a0»',
    );
  });
});

describe('the whole analysis', () => {
  const base = () =>
    chain({
      capitals: [{ key: 'social', label: 'Social' }],
      actors: [
        actor('farm', ['production']),
        actor('mill', ['transformation'], { inRegion: false }),
        actor('seller', ['distribution']),
        actor('alone', ['distribution']),
        demand('shop'),
        support('advisor', []),
      ],
      flows: [
        flow('farm', 'mill'),
        flow('mill', 'seller'),
        flow('seller', 'shop'),
        flow('seller', 'mill', { type: 'money', value: 100 }),
        flow('advisor', 'farm', { type: 'support' }),
      ],
      intents: [intent('n1', 'seller', 'need', 'Sacs en papier', 10, 'unités')],
      resources: [
        {
          id: 'r-linked',
          name: 'Zeta programme',
          kind: 'funding',
          capitals: [],
          gapKeys: ['bottleneck:mill'],
          status: 'contacted',
        },
        {
          id: 'r-declined',
          name: 'Alpha',
          kind: 'funding',
          capitals: [],
          gapKeys: ['bottleneck:mill'],
          status: 'declined',
        },
      ],
    });

  it('lists gaps by type in the documented order, then by key', () => {
    const gaps = analyseGaps(base());
    expect(gaps.map((g) => g.key)).toEqual([
      'single_actor_stage:production',
      'single_actor_stage:transformation',
      'bottleneck:mill',
      'bottleneck:seller',
      'bottleneck:shop',
      'isolated_actor:alone',
      'no_support:alone',
      'no_support:mill',
      'no_support:seller',
      'unmatched_need:n1',
      'wealth_leakage:chain',
      'uncovered_capital:social',
    ]);
    const order = gaps.map((g) => GAP_TYPE_ORDER.indexOf(g.type));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const g of gaps) {
      expect(g.key).toMatch(/^[a-z0-9:_.-]+$/);
      expect(g.suggestions.length).toBeLessThanOrEqual(5);
    }
  });

  it('keeps the same keys when unrelated things change', () => {
    const before = analyseGaps(base());
    const changed = base();
    changed.actors.push(
      actor('newcomer', ['distribution']),
      actor('other-farm', ['production'], { status: 'potential' }),
    );
    changed.flows.push(
      flow('mill', 'newcomer'),
      flow('newcomer', 'shop'),
      flow('advisor', 'newcomer', { type: 'support' }),
    );
    changed.intents.push(intent('n2', 'newcomer', 'need', 'Cartons', 1, 'unités'));
    changed.actors.reverse();
    changed.flows.reverse();
    const after = analyseGaps(changed);
    const afterKeys = new Set(after.map((g) => g.key));
    for (const key of [
      'bottleneck:mill',
      'unmatched_need:n1',
      'wealth_leakage:chain',
      'isolated_actor:alone',
    ]) {
      expect(before.map((g) => g.key)).toContain(key);
      expect(afterKeys).toContain(key);
    }
    // The new seller removes only the gaps it fills.
    expect(afterKeys.has('bottleneck:seller')).toBe(false);
    expect(afterKeys.has('unmatched_need:n2')).toBe(true);
  });

  it('always suggests outside resources linked to the gap key, unless declined', () => {
    const gap = analyseGaps(base()).find((g) => g.key === 'bottleneck:mill');
    expect(gap?.suggestions[0]).toEqual({
      kind: 'resource',
      id: 'r-linked',
      reason: 'Linked to this gap in the directory of outside resources.',
    });
    expect(gap?.suggestions.map((s) => s.id)).not.toContain('r-declined');
  });

  it('keeps the suggestions to five', () => {
    const input = base();
    for (let i = 0; i < 8; i++) {
      input.resources.push({
        id: `r${i}`,
        name: `R${i}`,
        kind: 'other',
        capitals: [],
        gapKeys: ['isolated_actor:alone'],
        status: 'identified',
      });
    }
    const gap = analyseGaps(input).find((g) => g.key === 'isolated_actor:alone');
    expect(gap?.suggestions.map((s) => s.id)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
  });

  it('names the entity in both locales', () => {
    for (const locale of ['fr', 'en'] as const) {
      const gaps = analyseGaps({ ...base(), locale });
      const quote = (s: string) => (locale === 'fr' ? `«\u00a0${s}\u00a0»` : `“${s}”`);
      expect(gaps.find((g) => g.key === 'bottleneck:mill')?.explanation).toContain(quote('Mill'));
      expect(gaps.find((g) => g.key === 'isolated_actor:alone')?.explanation).toContain(quote('Alone'));
      expect(gaps.find((g) => g.key === 'no_support:seller')?.explanation).toContain(quote('Seller'));
      expect(gaps.find((g) => g.key === 'unmatched_need:n1')?.explanation).toContain(quote('Sacs en papier'));
      expect(gaps.find((g) => g.key === 'single_actor_stage:production')?.explanation).toContain(
        quote('Production'),
      );
      expect(gaps.find((g) => g.key === 'uncovered_capital:social')?.explanation).toContain(quote('Social'));
    }
  });

  it('ignores flows and intents naming unknown actors', () => {
    const input = base();
    input.flows.push(flow('ghost', 'alone'), flow('alone', 'ghost'));
    input.intents.push(intent('n9', 'ghost', 'need', 'Rien'));
    const keys = analyseGaps(input).map((g) => g.key);
    expect(keys).toContain('isolated_actor:alone');
    expect(keys).not.toContain('unmatched_need:n9');
  });
});
