/** The connector's work in the demo chain: a convening, exchanges, outside resources. */
import type { Db } from '../db/client';
import { convenings, flows, interactions, resources } from '../db/schema/index';
import { addDays } from '../lib/dates';
import { newId } from '../lib/ids';
import { recordAudit } from '../modules/audit/audit.service';

export async function loadConnector(
  db: Db,
  userId: string,
  chainId: string,
  actorIds: Map<string, string>,
  today: string,
) {
  const a = (key: string) => actorIds.get(key) ?? '';
  // Dated from the load day, so that whatever the day, the coordinator finds one follow-up due (the
  // introduction) and nothing else yet: the visit's follow-up is three weeks ahead, the call for
  // projects closes in six (its reminder starts 14 days before).
  await db.transaction(async (tx) => {
    const audit = (entityType: string, entityId: string, after: Record<string, unknown>) =>
      recordAudit(tx, { chainId, userId, action: 'create', entityType, entityId, before: null, after });
    // The relationship born at the convening: the Fournil de Die now buys flour from the mill too.
    const flow = {
      chainId,
      id: newId(),
      sourceId: a('moulin'),
      targetId: a('fournildie'),
      type: 'information' as const,
      status: 'active' as const,
      since: '2026-03-20',
      description: 'Planning commun des moutures, décidé à la rencontre de mars.',
    };
    await tx.insert(flows).values(flow);
    await audit('flow', flow.id, flow);
    const rencontre = {
      chainId,
      id: newId(),
      title: 'Rencontre « Du blé aux cantines »',
      date: '2026-03-19',
      location: 'Moulin de la Sye, Aouste-sur-Sye',
      purpose:
        'Réunir céréaliers, meunier, boulangers et cuisine centrale pour préparer le marché public 2027.',
      commonInterest: 'Un pain de la vallée dans les cantines, à un prix qui fait vivre chacun.',
      invitedActorIds: [
        'gaec3v',
        'piedmars',
        'saillans',
        'moulin',
        'paincrest',
        'fournildie',
        'lamiche',
        'cuisine',
        'ccvd',
        'agricourt',
      ].map(a),
      attendeeActorIds: [
        'gaec3v',
        'piedmars',
        'moulin',
        'paincrest',
        'fournildie',
        'cuisine',
        'agricourt',
      ].map(a),
      notes:
        'Visite du moulin, puis atelier sur les volumes : la cuisine centrale a besoin de 60 t de pain par an.',
      outcomes:
        'Planning commun des moutures ; la plateforme Agri-Court chiffre une tournée vers Die ; prochaine rencontre en juin avec la communauté de communes.',
      flowIds: [flow.id],
    };
    await tx.insert(convenings).values(rencontre);
    await audit('convening', rencontre.id, rencontre);
    const next = {
      chainId,
      id: newId(),
      title: 'Comité de filière de printemps',
      date: '2027-03-18',
      location: 'Biovallée, Eurre',
      purpose: 'Bilan de l’année et prix du blé 2027.',
      commonInterest: 'Le prix juste du blé.',
      invitedActorIds: ['gaec3v', 'piedmars', 'saillans', 'coop', 'moulin', 'ccvd'].map(a),
      attendeeActorIds: [],
      flowIds: [],
    };
    await tx.insert(convenings).values(next);
    await audit('convening', next.id, next);
    const exchanges = [
      {
        date: '2026-10-02',
        kind: 'visit' as const,
        actorIds: [a('lamiche')],
        summary: 'Visite de La Miche : la SCOP peut livrer 10 t de plus si la farine suit.',
        followUpDate: addDays(today, 21),
      },
      {
        date: '2026-10-15',
        kind: 'call' as const,
        actorIds: [a('cuisine')],
        summary: 'Appel avec la cuisine centrale : le cahier des charges 2027 sort en janvier.',
      },
      {
        date: '2026-11-04',
        kind: 'introduction' as const,
        actorIds: [a('coop'), a('moulin')],
        summary: 'Mise en relation coopérative – moulin pour le stockage de grain.',
        followUpDate: addDays(today, -5),
      },
      {
        date: '2026-06-12',
        kind: 'meeting' as const,
        actorIds: [a('ccvd'), a('biovallee')],
        summary: 'Réunion projet alimentaire territorial : lot pain local envisagé.',
      },
    ];
    for (const e of exchanges) {
      const row = { chainId, id: newId(), ...e };
      await tx.insert(interactions).values(row);
      await audit('interaction', row.id, row);
    }
    const outside = [
      {
        kind: 'funding' as const,
        name: 'Appel à projets « Alimentation locale et solidaire »',
        organization: 'Région Auvergne-Rhône-Alpes',
        description: 'Jusqu’à 50 % des investissements matériels des projets collectifs de transformation.',
        deadline: addDays(today, 42),
        amount: 60_000,
        capitals: ['material', 'financial'],
        actorIds: [a('moulin'), a('agricourt')],
        status: 'contacted' as const,
      },
      {
        kind: 'technical_assistance' as const,
        name: 'Accompagnement à la conversion en bio',
        organization: 'Chambre d’agriculture de la Drôme',
        description: 'Diagnostic et suivi technique des céréaliers qui passent en bio.',
        capitals: ['living', 'intellectual'],
        actorIds: [a('saillans'), a('gervanne')],
        status: 'identified' as const,
      },
    ];
    for (const r of outside) {
      const row = { chainId, id: newId(), ...r, gapKeys: [] as string[] };
      await tx.insert(resources).values(row);
      await audit('resource', row.id, row);
    }
  });
}
