/** Goals, commitments and initiatives of the demo chain (role 1: wealth-creation advocate). */

export const DEMO_GOALS = [
  {
    key: 'pain',
    title: 'Du pain de la vallée dans toutes les cantines',
    description: 'Servir 16 t de pain local par trimestre dans la restauration collective de la vallée.',
    dimension: 'capital' as const,
    capitals: ['social', 'living'],
    indicator: 'PAIN_CANTINES',
    baseline: 6,
    targetValue: 16,
    targetDate: '2027-06-30',
    status: 'adopted' as const,
  },
  {
    key: 'vallee',
    title: 'Garder deux tiers du chiffre d’affaires dans la vallée',
    dimension: 'ownership' as const,
    capitals: ['financial'],
    indicator: 'PART_VALLEE',
    targetValue: 67,
    targetDate: '2027-12-31',
    status: 'adopted' as const,
  },
  {
    key: 'prix',
    title: 'Un prix du blé qui fait vivre les paysans',
    description: 'Atteindre 520 €/t payés au producteur, au-dessus des coûts de production en bio.',
    dimension: 'livelihoods' as const,
    capitals: ['financial'],
    indicator: 'PRIX_BLE',
    targetValue: 520,
    targetDate: '2027-09-30',
    status: 'adopted' as const,
  },
  {
    key: 'sols',
    title: '320 ha de blé bio dans la vallée',
    dimension: 'capital' as const,
    capitals: ['living'],
    indicator: 'SURFACE_BIO',
    targetValue: 320,
    targetDate: '2027-06-30',
    status: 'adopted' as const,
  },
  {
    key: 'savoirs',
    title: 'Transmettre le métier de paysan-boulanger',
    dimension: 'capital' as const,
    capitals: ['intellectual', 'experiential'],
    indicator: 'FORMES',
    targetValue: 40,
    targetDate: '2027-12-31',
    status: 'proposed' as const,
  },
];

export const DEMO_COMMITMENTS = [
  {
    goal: 'pain',
    actor: 'paincrest',
    description: 'Passer à 30 % de pain de la vallée dans les livraisons aux cantines.',
    dueDate: '2026-12-31',
    status: 'in_progress' as const,
  },
  {
    goal: 'pain',
    actor: 'cuisine',
    description: 'Inscrire le pain local au marché public 2027.',
    dueDate: '2027-01-31',
    status: 'pledged' as const,
  },
  {
    goal: 'prix',
    actor: 'moulin',
    description: 'Signer un prix plancher pluriannuel avec les céréaliers.',
    dueDate: '2026-09-30',
    status: 'fulfilled' as const,
  },
  {
    goal: 'prix',
    actor: 'coop',
    description: 'Publier chaque trimestre le prix payé aux adhérents.',
    status: 'pledged' as const,
  },
  {
    goal: 'vallee',
    actor: 'agricourt',
    description: 'Remplacer les livraisons venues de Lyon pour les écoles du Diois.',
    dueDate: '2027-06-30',
    status: 'pledged' as const,
  },
];

export interface DemoInitiative {
  title: string;
  description: string;
  lead: string;
  actors: string[];
  goals: string[];
  status: 'planned' | 'active' | 'done' | 'stopped';
  startDate: string;
  budget: number;
  wealthMatrix: Record<string, { effect: number; note?: string }>;
  ownershipEffect: number;
  livelihoodsEffect: number;
  harmAcceptances: Record<string, string>;
}

export const DEMO_INITIATIVES: DemoInitiative[] = [
  {
    title: 'Seconde meule au Moulin de la Sye',
    description: 'Doubler la capacité de mouture pour suivre la demande des cantines.',
    lead: 'moulin',
    actors: ['moulin', 'fonds', 'gaec3v'],
    goals: ['pain', 'prix'],
    status: 'active',
    startDate: '2026-03-01',
    budget: 48_000,
    wealthMatrix: {
      financial: { effect: 1, note: 'Prêt d’honneur remboursé sur 5 ans' },
      material: { effect: 2, note: 'Une meule Astrié et un nettoyeur' },
      social: { effect: 1 },
      intellectual: { effect: 1, note: 'Formation d’un second meunier' },
      living: { effect: -1, note: 'Consommation d’électricité en hausse' },
      experiential: { effect: 1 },
    },
    ownershipEffect: 1,
    livelihoodsEffect: 2,
    harmAcceptances: {
      living:
        'Électricité fournie par la coopérative citoyenne Énergies Drôme : impact accepté par le comité.',
    },
  },
  {
    title: 'Livraisons mutualisées vers le Diois',
    description: 'Un camion partagé Crest → Die deux fois par semaine pour le pain et la farine.',
    lead: 'agricourt',
    actors: ['agricourt', 'fournildie', 'lamiche'],
    goals: ['vallee'],
    status: 'planned',
    startDate: '2027-01-04',
    budget: 35_000,
    wealthMatrix: {
      financial: { effect: 1 },
      material: { effect: 1 },
      social: { effect: 2, note: 'Des liens nouveaux entre le Crestois et le Diois' },
      living: { effect: -1, note: 'Des kilomètres de plus sur la route de Die' },
    },
    ownershipEffect: 0,
    livelihoodsEffect: 1,
    harmAcceptances: {},
  },
];
