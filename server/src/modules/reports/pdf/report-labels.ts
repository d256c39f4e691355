/**
 * The words a printed report adds around the chain's own texts, in French and English. The PDF is
 * made on the server, away from the web locale files, so its few labels live beside it. French
 * labels are written with plain spaces: the French typography pass puts the no-break ones in.
 */
import type { ReportLocale } from './report-charts';

// French counts 0 and 1 in the singular, English only 1.
const pluralFr = (n: string, count: number, one: string, many: string) => `${n} ${count < 2 ? one : many}`;
const pluralEn = (n: string, count: number, one: string, many: string) => `${n} ${count === 1 ? one : many}`;

export interface ReportLabels {
  publishedOn(date: string): string;
  updatedOn(date: string): string;
  page(current: number, count: number): string;
  notPublished: string;
  none: string;
  yes: string;
  no: string;
  withheld: Record<'private' | 'actor_level' | 'missing', string>;
  removedIndicator: string;
  noFigures: string;
  suppressionNote(k: number): string;
  period: string;
  group: string;
  value: string;
  latestPeriod(period: string): string;
  target(value: string): string;
  periodicity: Record<string, string>;
  groupBy: Record<string, string>;
  aggregation: Record<string, string>;
  chartOf(name: string): string;
  capitals: {
    title: string;
    capital: string;
    goals: string;
    indicators: string;
    initiatives: string;
    score: string;
    blindSpot: string;
    note: string;
    empty: string;
  };
  map: {
    title: string;
    totals(t: {
      actors: string;
      actorsCount: number;
      inRegion: string;
      lowIncome: string;
      flows: string;
      flowsCount: number;
    }): string;
    position: string;
    stage: string;
    actors: string;
    linksTitle: string;
    from: string;
    to: string;
    flows: string;
    types: string;
    flowTypes: Record<string, string>;
    noLinks: string;
    empty: string;
  };
  successes: { title: string; empty: string };
  goals: {
    title: string;
    goal: string;
    baseline: string;
    latest: string;
    target: string;
    targetDate: string;
    onTrack: string;
    empty: string;
  };
}

const fr: ReportLabels = {
  publishedOn: (d) => `Publié le ${d}`,
  updatedOn: (d) => `mis à jour le ${d}`,
  page: (i, n) => `Page ${i} sur ${n}`,
  notPublished: 'non publié (trop peu de contributeurs)',
  none: '—',
  yes: 'oui',
  no: 'non',
  withheld: {
    private: 'Cet indicateur est privé : ses chiffres ne sont pas publiés.',
    actor_level:
      'Les valeurs acteur par acteur de cet indicateur ne sont pas publiées : seuls des totaux de la chaîne peuvent l’être.',
    missing: 'Cet indicateur a été retiré : il n’a plus de chiffres à publier.',
  },
  removedIndicator: 'Indicateur retiré',
  noFigures: 'Aucun chiffre publié pour cet indicateur.',
  suppressionNote: (k) =>
    `Un chiffre n’est publié que s’il repose sur au moins ${k} contributeurs, pour que personne ne puisse en déduire la valeur d’un acteur.`,
  period: 'Période',
  group: 'Groupe',
  value: 'Valeur',
  latestPeriod: (p) => `Dernière période : ${p}`,
  target: (v) => `cible ${v}`,
  periodicity: { month: 'mensuel', quarter: 'trimestriel', year: 'annuel' },
  groupBy: {
    none: 'toute la chaîne',
    stage: 'par maillon',
    role: 'par rôle',
    actor: 'par acteur',
    capital: 'par capital',
  },
  aggregation: {
    sum: 'somme des acteurs',
    mean: 'moyenne des acteurs',
    min: 'minimum des acteurs',
    max: 'maximum des acteurs',
    latest: 'dernière valeur connue',
    ratio: 'ratio de deux indicateurs',
  },
  chartOf: (name) => `Graphique : ${name}`,
  capitals: {
    title: 'Équilibre des capitaux',
    capital: 'Capital',
    goals: 'Objectifs',
    indicators: 'Indicateurs',
    initiatives: 'Initiatives',
    score: 'Score',
    blindSpot: 'Angle mort',
    note: 'Score de 0 à 100. En rouge : les angles morts, capitaux sans objectif ni indicateur.',
    empty: 'Aucun capital à montrer.',
  },
  map: {
    title: 'La chaîne par maillon',
    totals: (t) =>
      `${pluralFr(t.actors, t.actorsCount, 'acteur', 'acteurs')}, dont ${t.inRegion} dans la région et ${t.lowIncome} au service de personnes à faible revenu ; ${pluralFr(t.flows, t.flowsCount, 'flux', 'flux')} entre eux.`,
    position: 'N°',
    stage: 'Maillon',
    actors: 'Acteurs',
    linksTitle: 'Liens entre maillons',
    from: 'De',
    to: 'Vers',
    flows: 'Flux',
    types: 'Nature',
    flowTypes: {
      product: 'produit',
      money: 'argent',
      service: 'service',
      information: 'information',
      support: 'soutien',
    },
    noLinks: 'Aucun flux entre maillons.',
    empty: 'Aucun maillon défini.',
  },
  successes: { title: 'Réussites', empty: 'Aucune réussite publiée pour le moment.' },
  goals: {
    title: 'Objectifs partagés',
    goal: 'Objectif',
    baseline: 'Point de départ',
    latest: 'Dernière valeur',
    target: 'Cible',
    targetDate: 'Échéance',
    onTrack: 'En bonne voie',
    empty: 'Aucun objectif publié.',
  },
};

const en: ReportLabels = {
  publishedOn: (d) => `Published on ${d}`,
  updatedOn: (d) => `updated on ${d}`,
  page: (i, n) => `Page ${i} of ${n}`,
  notPublished: 'not published (too few contributors)',
  none: '—',
  yes: 'yes',
  no: 'no',
  withheld: {
    private: 'This indicator is private: its figures are not published.',
    actor_level: 'Per-actor values of this indicator are not published: only totals for the chain can be.',
    missing: 'This indicator has been removed: it has no figures to publish any more.',
  },
  removedIndicator: 'Removed indicator',
  noFigures: 'No figure published for this indicator.',
  suppressionNote: (k) =>
    `A figure is published only when at least ${k} contributors are behind it, so that no one can work out the value of a single actor.`,
  period: 'Period',
  group: 'Group',
  value: 'Value',
  latestPeriod: (p) => `Latest period: ${p}`,
  target: (v) => `target ${v}`,
  periodicity: { month: 'monthly', quarter: 'quarterly', year: 'yearly' },
  groupBy: {
    none: 'whole chain',
    stage: 'by stage',
    role: 'by role',
    actor: 'by actor',
    capital: 'by capital',
  },
  aggregation: {
    sum: 'sum over actors',
    mean: 'mean over actors',
    min: 'minimum over actors',
    max: 'maximum over actors',
    latest: 'latest known value',
    ratio: 'ratio of two indicators',
  },
  chartOf: (name) => `Chart: ${name}`,
  capitals: {
    title: 'Capital balance',
    capital: 'Capital',
    goals: 'Goals',
    indicators: 'Indicators',
    initiatives: 'Initiatives',
    score: 'Score',
    blindSpot: 'Blind spot',
    note: 'Score from 0 to 100. In red: blind spots, capitals with no goal and no indicator.',
    empty: 'No capital to show.',
  },
  map: {
    title: 'The chain by stage',
    totals: (t) =>
      `${pluralEn(t.actors, t.actorsCount, 'actor', 'actors')}, of which ${t.inRegion} in the region and ${t.lowIncome} serving low-income people; ${pluralEn(t.flows, t.flowsCount, 'flow', 'flows')} between them.`,
    position: 'No.',
    stage: 'Stage',
    actors: 'Actors',
    linksTitle: 'Links between stages',
    from: 'From',
    to: 'To',
    flows: 'Flows',
    types: 'Kind',
    flowTypes: {
      product: 'product',
      money: 'money',
      service: 'service',
      information: 'information',
      support: 'support',
    },
    noLinks: 'No flow between stages.',
    empty: 'No stage defined.',
  },
  successes: { title: 'Successes', empty: 'No success published yet.' },
  goals: {
    title: 'Shared goals',
    goal: 'Goal',
    baseline: 'Baseline',
    latest: 'Latest value',
    target: 'Target',
    targetDate: 'Target date',
    onTrack: 'On track',
    empty: 'No goal published.',
  },
};

/** The labels of a report in its language. */
export function reportLabels(locale: ReportLocale): ReportLabels {
  return locale === 'fr' ? fr : en;
}
