/**
 * Plain-words texts of the gap analysis in French and English. The gap rules run in core, where the
 * API answers in the caller's language, so these texts live beside them rather than in the web locales.
 */

export type GapLocale = 'fr' | 'en';

export interface GapMessages {
  missingStage(stage: string): string;
  singleActorStage(stage: string, actor: string): string;
  bottleneck(actor: string, producers: number, producer: string | null): string;
  isolatedActor(actor: string): string;
  noSupport(actor: string): string;
  unmetDemand(resource: string, unit: string, needed: number, offered: number): string;
  underusedResource(resource: string, unit: string, offered: number, needed: number): string;
  unmatchedNeed(actor: string, resource: string): string;
  wealthLeakage(share: number, leaking: number, total: number, first: string): string;
  uncoveredCapital(capital: string): string;

  reasonDirectory(): string;
  reasonStagePotential(stage: string): string;
  reasonStageInactive(stage: string): string;
  reasonAlternative(stage: string, potential: boolean): string;
  reasonOffersWhatItNeeds(resource: string, actor: string): string;
  reasonNeedsWhatItOffers(resource: string, actor: string): string;
  reasonSupport(flows: number, stage: string | null): string;
  reasonOtherUnitOffer(resource: string): string;
  reasonOtherUnitNeed(resource: string): string;
  reasonInactiveOfferer(resource: string): string;
  reasonResourceAbout(resource: string): string;
  reasonLocalAlternative(stage: string): string;
  reasonServesCapital(capital: string): string;
}

const NBSP = '\u00a0';
const q = {
  fr: (s: string) => `«${NBSP}${s}${NBSP}»`,
  en: (s: string) => `“${s}”`,
};

/** The gap texts of one locale, numbers formatted in that locale. */
export function gapMessages(locale: GapLocale): GapMessages {
  const nf = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 });
  const n = (x: number) => nf.format(x);
  const qty = (x: number, unit: string) => `${n(x)}${NBSP}${unit}`;
  return locale === 'fr' ? french(n, qty) : english(n, qty);
}

function french(n: (x: number) => string, qty: (x: number, unit: string) => string): GapMessages {
  const Q = q.fr;
  const colon = `${NBSP}:`;
  return {
    missingStage: (stage) =>
      `Aucun acteur transactionnel actif ne travaille au maillon ${Q(stage)}${colon} la chaîne est rompue à cet endroit.`,
    singleActorStage: (stage, actor) =>
      `Seul ${Q(actor)} assure le maillon ${Q(stage)}${colon} s’il s’arrête, le maillon est vide.`,
    bottleneck: (actor, producers, producer) =>
      producer !== null && producers === 1
        ? `Le producteur ${Q(producer)} n’atteint les acteurs de la demande qu’en passant par ${Q(actor)}${colon} sans lui, ses produits n’arrivent plus à aucun acheteur.`
        : `${n(producers)} producteurs n’atteignent les acteurs de la demande qu’en passant par ${Q(actor)}${colon} sans lui, leurs produits n’arrivent plus à aucun acheteur.`,
    isolatedActor: (actor) =>
      `${Q(actor)} est un partenaire actif mais n’a aucun flux actif (produit, argent, service, information ou soutien) avec un autre acteur.`,
    noSupport: (actor) =>
      `${Q(actor)} ne reçoit aucun flux de soutien actif (financement, assistance technique, formation, recherche ou politique publique).`,
    unmetDemand: (resource, unit, needed, offered) =>
      `Les besoins en ${Q(resource)} s’élèvent à ${qty(needed, unit)} mais les offres à ${qty(offered, unit)} seulement${colon} il manque ${qty(needed - offered, unit)}.`,
    underusedResource: (resource, unit, offered, needed) =>
      `Les offres de ${Q(resource)} atteignent ${qty(offered, unit)} mais les besoins ${qty(needed, unit)} seulement${colon} ${qty(offered - needed, unit)} ne trouvent pas preneur dans la chaîne.`,
    unmatchedNeed: (actor, resource) =>
      `${Q(actor)} a besoin de ${Q(resource)}, que personne dans la chaîne ne propose.`,
    wealthLeakage: (share, leaking, total, first) =>
      `${n(share)}${NBSP}% de l’argent versé aux acteurs transactionnels (${n(leaking)} sur ${n(total)}) part vers des acteurs hors de la région ou détenus localement à moins de 50${NBSP}%. Premier bénéficiaire${colon} ${Q(first)}.`,
    uncoveredCapital: (capital) =>
      `Le capital ${Q(capital)} n’a ni objectif adopté ni indicateur adopté${colon} rien ne dit comment la chaîne le fera croître ni comment le mesurer.`,

    reasonDirectory: () => 'Liée à cette lacune dans l’annuaire des ressources extérieures.',
    reasonStagePotential: (stage) => `Acteur potentiel du maillon ${Q(stage)}.`,
    reasonStageInactive: (stage) => `Ancien acteur du maillon ${Q(stage)}, aujourd’hui inactif.`,
    reasonAlternative: (stage, potential) =>
      potential
        ? `Acteur potentiel du même maillon, ${Q(stage)}.`
        : `Travaille aussi au maillon ${Q(stage)}.`,
    reasonOffersWhatItNeeds: (resource, actor) => `Propose ${Q(resource)}, dont ${Q(actor)} a besoin.`,
    reasonNeedsWhatItOffers: (resource, actor) => `A besoin de ${Q(resource)}, que propose ${Q(actor)}.`,
    reasonSupport: (supported, stage) =>
      `Acteur de soutien actif${stage === null ? '' : ` du maillon ${Q(stage)}`}, qui assure déjà ${n(supported)} flux de soutien.`,
    reasonOtherUnitOffer: (resource) => `Propose ${Q(resource)} dans une autre unité ou sans quantité.`,
    reasonOtherUnitNeed: (resource) => `A besoin de ${Q(resource)} dans une autre unité ou sans quantité.`,
    reasonInactiveOfferer: (resource) => `Proposait ${Q(resource)} mais est inactif.`,
    reasonResourceAbout: (resource) => `Ressource extérieure portant sur ${Q(resource)}.`,
    reasonLocalAlternative: (stage) =>
      `Ancré dans la région et détenu localement à 50${NBSP}% au moins, au maillon ${Q(stage)}.`,
    reasonServesCapital: (capital) => `Sert le capital ${Q(capital)}.`,
  };
}

function english(n: (x: number) => string, qty: (x: number, unit: string) => string): GapMessages {
  const Q = q.en;
  return {
    missingStage: (stage) =>
      `No active transactional actor works in the stage ${Q(stage)}: the chain is broken at this point.`,
    singleActorStage: (stage, actor) =>
      `Only ${Q(actor)} carries the stage ${Q(stage)}: if it stops, the stage is empty.`,
    bottleneck: (actor, producers, producer) =>
      producer !== null && producers === 1
        ? `The producer ${Q(producer)} reaches demand actors only through ${Q(actor)}: without it, its products no longer reach any buyer.`
        : `${n(producers)} producers reach demand actors only through ${Q(actor)}: without it, their products no longer reach any buyer.`,
    isolatedActor: (actor) =>
      `${Q(actor)} is an active partner but has no active flow (product, money, service, information or support) with any other actor.`,
    noSupport: (actor) =>
      `${Q(actor)} receives no active support flow (finance, technical assistance, training, research or policy).`,
    unmetDemand: (resource, unit, needed, offered) =>
      `Needs for ${Q(resource)} add up to ${qty(needed, unit)} but offers to only ${qty(offered, unit)}: ${qty(needed - offered, unit)} are missing.`,
    underusedResource: (resource, unit, offered, needed) =>
      `Offers of ${Q(resource)} add up to ${qty(offered, unit)} but needs to only ${qty(needed, unit)}: ${qty(offered - needed, unit)} find no taker in the chain.`,
    unmatchedNeed: (actor, resource) =>
      `${Q(actor)} needs ${Q(resource)}, which no actor of the chain offers.`,
    wealthLeakage: (share, leaking, total, first) =>
      `${n(share)}% of the money paid to transactional actors (${n(leaking)} of ${n(total)}) goes to actors outside the region or less than 50% locally owned. Largest recipient: ${Q(first)}.`,
    uncoveredCapital: (capital) =>
      `The ${Q(capital)} capital has no adopted goal and no adopted indicator: nothing says how the chain will build it or measure it.`,

    reasonDirectory: () => 'Linked to this gap in the directory of outside resources.',
    reasonStagePotential: (stage) => `Potential actor of the stage ${Q(stage)}.`,
    reasonStageInactive: (stage) => `Former actor of the stage ${Q(stage)}, now inactive.`,
    reasonAlternative: (stage, potential) =>
      potential ? `Potential actor of the same stage, ${Q(stage)}.` : `Also works in the stage ${Q(stage)}.`,
    reasonOffersWhatItNeeds: (resource, actor) => `Offers ${Q(resource)}, which ${Q(actor)} needs.`,
    reasonNeedsWhatItOffers: (resource, actor) => `Needs ${Q(resource)}, which ${Q(actor)} offers.`,
    reasonSupport: (supported, stage) =>
      `Active support actor${stage === null ? '' : ` of the stage ${Q(stage)}`}, already giving ${n(supported)} support flow${supported === 1 ? '' : 's'}.`,
    reasonOtherUnitOffer: (resource) => `Offers ${Q(resource)} in another unit or without a quantity.`,
    reasonOtherUnitNeed: (resource) => `Needs ${Q(resource)} in another unit or without a quantity.`,
    reasonInactiveOfferer: (resource) => `Used to offer ${Q(resource)} but is inactive.`,
    reasonResourceAbout: (resource) => `Outside resource about ${Q(resource)}.`,
    reasonLocalAlternative: (stage) =>
      `Based in the region and at least 50% locally owned, in the stage ${Q(stage)}.`,
    reasonServesCapital: (capital) => `Serves the ${Q(capital)} capital.`,
  };
}
