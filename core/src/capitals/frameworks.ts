/**
 * The two capital frameworks a chain can count its wealth in (PRODUCT.md "Wealth: the capitals").
 * Labels and one-line descriptions in French and English; the API answers in the caller's locale.
 */
export const CAPITAL_FRAMEWORKS = ['permacomptable', 'wealthworks'] as const;
export type CapitalFrameworkKey = (typeof CAPITAL_FRAMEWORKS)[number];

type Text = { fr: string; en: string };
export interface CapitalDefinition {
  key: string;
  label: Text;
  description: Text;
}

export const PERMACOMPTABLE: readonly CapitalDefinition[] = [
  {
    key: 'financial',
    label: { fr: 'Financier', en: 'Financial' },
    description: {
      fr: 'Argent, épargne, crédit et investissements disponibles pour produire de la richesse dans la région.',
      en: 'Money, savings, credit and investment available to create wealth in the region.',
    },
  },
  {
    key: 'material',
    label: { fr: 'Matériel', en: 'Material' },
    description: {
      fr: 'Bâtiments, outils, machines, infrastructures et équipements de la chaîne.',
      en: 'Buildings, tools, machines, infrastructure and equipment of the chain.',
    },
  },
  {
    key: 'social',
    label: { fr: 'Social', en: 'Social' },
    description: {
      fr: 'Confiance, relations et réseaux qui permettent aux personnes et organisations d’agir ensemble.',
      en: 'Trust, relationships and networks that let people and organisations act together.',
    },
  },
  {
    key: 'intellectual',
    label: { fr: 'Intellectuel', en: 'Intellectual' },
    description: {
      fr: 'Savoirs, compétences, recherche et innovation présents dans la région.',
      en: 'Knowledge, skills, research and innovation present in the region.',
    },
  },
  {
    key: 'cultural',
    label: { fr: 'Culturel', en: 'Cultural' },
    description: {
      fr: 'Traditions, savoir-faire, identités et façons de faire transmises et partagées.',
      en: 'Traditions, know-how, identities and ways of doing things handed down and shared.',
    },
  },
  {
    key: 'spiritual',
    label: { fr: 'Spirituel', en: 'Spiritual' },
    description: {
      fr: 'Sens, valeurs et raisons d’agir qui relient les personnes à leur territoire et entre elles.',
      en: 'Meaning, values and reasons to act that bind people to their place and to each other.',
    },
  },
  {
    key: 'living',
    label: { fr: 'Vivant', en: 'Living' },
    description: {
      fr: 'Sols, eau, air, biodiversité et écosystèmes, y compris la santé des êtres vivants.',
      en: 'Soil, water, air, biodiversity and ecosystems, including the health of living beings.',
    },
  },
  {
    key: 'experiential',
    label: { fr: 'Expérientiel', en: 'Experiential' },
    description: {
      fr: 'Expériences vécues, pratiques et apprentissages par l’action qui donnent la capacité de faire.',
      en: 'Lived experience, practice and learning by doing that give the capacity to act.',
    },
  },
];

export const WEALTHWORKS: readonly CapitalDefinition[] = [
  {
    key: 'individual',
    label: { fr: 'Individuel', en: 'Individual' },
    description: {
      fr: 'Compétences, santé et capacités productives des personnes.',
      en: 'The skills, health and productive capacity of people.',
    },
  },
  {
    key: 'intellectual',
    label: { fr: 'Intellectuel', en: 'Intellectual' },
    description: {
      fr: 'Savoirs, innovation et créativité mobilisés dans l’économie régionale.',
      en: 'Knowledge, innovation and creativity put to work in the regional economy.',
    },
  },
  {
    key: 'social',
    label: { fr: 'Social', en: 'Social' },
    description: {
      fr: 'Confiance, réseaux et relations qui facilitent l’action collective.',
      en: 'Trust, networks and relationships that make collective action easier.',
    },
  },
  {
    key: 'cultural',
    label: { fr: 'Culturel', en: 'Cultural' },
    description: {
      fr: 'Traditions, coutumes et façons de faire propres à la région.',
      en: 'Traditions, customs and ways of doing things particular to the region.',
    },
  },
  {
    key: 'natural',
    label: { fr: 'Naturel', en: 'Natural' },
    description: {
      fr: 'Ressources naturelles et écosystèmes : sols, eau, forêts, biodiversité.',
      en: 'Natural resources and ecosystems: soil, water, forests, biodiversity.',
    },
  },
  {
    key: 'built',
    label: { fr: 'Bâti', en: 'Built' },
    description: {
      fr: 'Infrastructures et équipements : bâtiments, routes, réseaux, outils de production.',
      en: 'Infrastructure and equipment: buildings, roads, networks, production tools.',
    },
  },
  {
    key: 'political',
    label: { fr: 'Politique', en: 'Political' },
    description: {
      fr: 'Capacité d’influencer les décisions et l’accès aux lieux où elles se prennent.',
      en: 'The ability to influence decisions and access to the places where they are made.',
    },
  },
  {
    key: 'financial',
    label: { fr: 'Financier', en: 'Financial' },
    description: {
      fr: 'Ressources monétaires disponibles pour l’investissement dans la région.',
      en: 'Monetary resources available for investment in the region.',
    },
  },
];

export const FRAMEWORKS: Record<CapitalFrameworkKey, readonly CapitalDefinition[]> = {
  permacomptable: PERMACOMPTABLE,
  wealthworks: WEALTHWORKS,
};

/**
 * Crosswalk permacomptable → WealthWorks (docs/capitals.md explains each pairing).
 * Spiritual and experiential have no WealthWorks twin of their own: spiritual is read as cultural
 * (values and meaning), experiential as individual (capacity built by practice). Political has no
 * permacomptable twin; it is read back as social.
 */
export const CROSSWALK_TO_WEALTHWORKS: Record<string, string> = {
  financial: 'financial',
  material: 'built',
  social: 'social',
  intellectual: 'intellectual',
  cultural: 'cultural',
  spiritual: 'cultural',
  living: 'natural',
  experiential: 'individual',
};
export const CROSSWALK_TO_PERMACOMPTABLE: Record<string, string> = {
  financial: 'financial',
  built: 'material',
  social: 'social',
  intellectual: 'intellectual',
  cultural: 'cultural',
  natural: 'living',
  individual: 'experiential',
  political: 'social',
};

/** The capital keys of a framework, in display order. */
export function capitalKeys(framework: CapitalFrameworkKey): string[] {
  return FRAMEWORKS[framework].map((c) => c.key);
}

/** The capitals of a framework, labelled in one locale. */
export function listCapitals(framework: CapitalFrameworkKey, locale: 'fr' | 'en') {
  return FRAMEWORKS[framework].map((c) => ({
    key: c.key,
    label: c.label[locale],
    description: c.description[locale],
  }));
}

/** The capital of the other framework that a capital corresponds to. */
export function crosswalk(from: CapitalFrameworkKey, key: string): string | undefined {
  return from === 'permacomptable' ? CROSSWALK_TO_WEALTHWORKS[key] : CROSSWALK_TO_PERMACOMPTABLE[key];
}
