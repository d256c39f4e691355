/** Mediation and innovation in the demo chain: proposals, agreements, a conflict, ideas, serendipity. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  agreementSignatures,
  agreements,
  agreementVersions,
  conflictSessions,
  conflicts,
  goals,
  ideas,
  indicators,
  proposalPositions,
  proposals,
  serendipity,
} from '../db/schema/index';
import { addDays } from '../lib/dates';
import { newId } from '../lib/ids';
import { recordAudit } from '../modules/audit/audit.service';
import { closeProposal } from '../modules/mediation/proposals.service';

const CHARTE_V1 = `# Charte du prix juste du blé de la vallée

1. Le moulin achète le blé des paysans signataires à **480 € la tonne** au minimum.
2. Le prix est revu chaque année en assemblée, avant les moissons.
3. Les volumes sont annoncés en mars pour la récolte suivante.`;

const CHARTE_V2 = `# Charte du prix juste du blé de la vallée

1. Le moulin achète le blé des paysans signataires à **500 € la tonne** au minimum, et à **520 €** dès 2027.
2. Le prix est revu chaque année en assemblée, avant les moissons ; l’écart avec le coût de production est publié.
3. Les volumes sont annoncés en mars pour la récolte suivante.
4. La coopérative stocke le blé des signataires au prix coûtant.`;

export async function loadMediation(
  db: Db,
  userId: string,
  chainId: string,
  actorIds: Map<string, string>,
  today: string,
) {
  const a = (key: string) => actorIds.get(key) ?? '';
  const days = (n: number) => new Date(Date.now() + n * 86_400_000);
  const goal = (
    await db
      .select()
      .from(goals)
      .where(and(eq(goals.chainId, chainId), eq(goals.status, 'proposed')))
      .limit(1)
  )[0];
  const fetes = (
    await db
      .select()
      .from(indicators)
      .where(and(eq(indicators.chainId, chainId), eq(indicators.code, 'FETES')))
      .limit(1)
  )[0];
  const closedId = newId();
  const openId = newId();
  await db.transaction(async (tx) => {
    const audit = (entityType: string, entityId: string, after: Record<string, unknown>) =>
      recordAudit(tx, { chainId, userId, action: 'create', entityType, entityId, before: null, after });
    const closed = {
      chainId,
      id: closedId,
      title: 'Adopter l’objectif « Transmettre le métier de paysan-boulanger »',
      description: 'Proposé à l’assemblée de la filière du 12 septembre 2026.',
      participantActorIds: [a('moulin'), a('paincrest'), a('gaec3v'), a('adear'), a('lamiche')],
      quorum: 0.6,
      closesAt: days(-10),
      subjectType: goal ? ('goal' as const) : null,
      subjectId: goal?.id ?? null,
      status: 'open' as const,
    };
    const open = {
      chainId,
      id: openId,
      title: 'Adopter l’indicateur « Fêtes du pain et portes ouvertes »',
      description:
        'Compter les rencontres ouvertes aux habitants pour suivre le capital culturel et spirituel.',
      participantActorIds: [a('moulin'), a('paincrest'), a('ccvd'), a('parents'), a('biovallee')],
      quorum: 0.5,
      closesAt: days(10),
      subjectType: fetes ? ('indicator' as const) : null,
      subjectId: fetes?.id ?? null,
      status: 'open' as const,
    };
    for (const p of [closed, open]) {
      await tx.insert(proposals).values(p);
      await audit('proposal', p.id, p);
    }
    const positions = [
      { proposalId: closedId, actor: 'moulin', position: 'agree' as const, reason: null, at: days(-20) },
      {
        proposalId: closedId,
        actor: 'paincrest',
        position: 'disagree' as const,
        reason: 'Former prend du temps aux fournils.',
        at: days(-19),
      },
      {
        proposalId: closedId,
        actor: 'paincrest',
        position: 'agree' as const,
        reason: 'Rassuré par l’aide de l’ADEAR.',
        at: days(-15),
      },
      { proposalId: closedId, actor: 'adear', position: 'agree' as const, reason: null, at: days(-18) },
      { proposalId: closedId, actor: 'gaec3v', position: 'abstain' as const, reason: null, at: days(-12) },
      { proposalId: openId, actor: 'biovallee', position: 'agree' as const, reason: null, at: days(-2) },
      {
        proposalId: openId,
        actor: 'parents',
        position: 'agree' as const,
        reason: 'Les familles veulent ces moments.',
        at: days(-1),
      },
    ];
    for (const p of positions) {
      const row = {
        chainId,
        id: newId(),
        proposalId: p.proposalId,
        actorId: a(p.actor),
        position: p.position,
        reason: p.reason,
        userId,
        recordedByCoordinator: true,
        at: p.at,
      };
      await tx.insert(proposalPositions).values(row);
      await audit('proposal_position', row.id, row);
    }

    const charte = {
      chainId,
      id: newId(),
      title: 'Charte du prix juste du blé',
      partyActorIds: [a('gaec3v'), a('piedmars'), a('moulin'), a('coop')],
      terms: CHARTE_V2,
      termsVersion: 2,
      status: 'signed' as const,
      effectiveFrom: '2026-07-01',
      // A year's charter; a demo loaded later keeps it at least half a year from its end, so that no
      // renewal reminder (60 days before) joins the one follow-up of demo-connector.ts.
      expiresOn: addDays(today, 180) > '2027-06-30' ? addDays(today, 180) : '2027-06-30',
    };
    await tx.insert(agreements).values(charte);
    await audit('agreement', charte.id, charte);
    await tx.insert(agreementVersions).values([
      {
        chainId,
        agreementId: charte.id,
        termsVersion: 1,
        terms: CHARTE_V1,
        createdBy: userId,
        createdAt: days(-150),
      },
      {
        chainId,
        agreementId: charte.id,
        termsVersion: 2,
        terms: CHARTE_V2,
        createdBy: userId,
        createdAt: days(-120),
      },
    ]);
    await tx.insert(agreementSignatures).values([
      {
        chainId,
        agreementId: charte.id,
        termsVersion: 1,
        actorId: a('moulin'),
        userId,
        signedAt: days(-140),
      },
      {
        chainId,
        agreementId: charte.id,
        termsVersion: 1,
        actorId: a('gaec3v'),
        userId,
        signedAt: days(-139),
      },
      ...['gaec3v', 'piedmars', 'moulin', 'coop'].map((k, i) => ({
        chainId,
        agreementId: charte.id,
        termsVersion: 2,
        actorId: a(k),
        userId,
        signedAt: days(-110 + i),
      })),
    ]);
    const convention = {
      chainId,
      id: newId(),
      title: 'Convention pain local des cantines du Val de Drôme',
      partyActorIds: [a('ccvd'), a('cuisine'), a('parents'), a('agricourt')],
      terms:
        '# Convention\n\nLa communauté de communes réserve un lot « pain de la vallée » dans le marché de restauration scolaire 2027.',
      termsVersion: 1,
      status: 'negotiation' as const,
      expiresOn: '2029-08-31',
    };
    await tx.insert(agreements).values(convention);
    await audit('agreement', convention.id, convention);
    await tx.insert(agreementVersions).values({
      chainId,
      agreementId: convention.id,
      termsVersion: 1,
      terms: convention.terms,
      createdBy: userId,
    });
    await tx
      .insert(agreementSignatures)
      .values({ chainId, agreementId: convention.id, termsVersion: 1, actorId: a('ccvd'), userId });

    const paiement = {
      chainId,
      id: newId(),
      title: 'Retards de paiement de la plateforme',
      partyActorIds: [a('agricourt'), a('paincrest')],
      description: 'Trois factures de pain payées avec plus de 60 jours de retard au printemps 2026.',
      severity: 'medium' as const,
      status: 'resolved' as const,
      resolution: 'Paiement à 30 jours inscrit dans la convention ; acompte mensuel versé par la plateforme.',
      agreementId: convention.id,
    };
    await tx.insert(conflicts).values(paiement);
    await audit('conflict', paiement.id, paiement);
    const session = {
      chainId,
      id: newId(),
      conflictId: paiement.id,
      date: '2026-05-14',
      notes:
        'Rencontre à la plateforme : la trésorerie manque entre deux versements de la cuisine centrale. Proposition d’acompte mensuel.',
      attendeeActorIds: [a('agricourt'), a('paincrest')],
    };
    await tx.insert(conflictSessions).values(session);
    await audit('conflict_session', session.id, session);

    const rencontre = {
      chainId,
      id: newId(),
      date: '2026-06-20',
      description:
        'Au marché de Saillans, un brasseur de Die cherche de l’orge locale et propose de racheter les drêches aux boulangers pour des pains spéciaux.',
      actorIds: [a('saillans'), a('fournildie')],
      followUp: 'Devenu l’idée « Pain aux drêches de brasserie ».',
    };
    await tx.insert(serendipity).values(rencontre);
    await audit('serendipity', rencontre.id, rencontre);
    const ideaRows = [
      {
        title: 'Pain aux drêches de brasserie',
        hypothesis: 'Les drêches valorisent un déchet local et donnent un pain que les cantines achèteront.',
        riskLevel: 'medium' as const,
        capitals: ['living', 'cultural'],
        actorIds: [a('fournildie')],
        status: 'idea' as const,
        serendipityId: rencontre.id,
      },
      {
        title: 'Four à bois mobile pour les marchés',
        hypothesis: 'Cuire sur place à Die attire de nouveaux clients au Fournil.',
        riskLevel: 'high' as const,
        capitals: ['material', 'experiential'],
        actorIds: [a('fournildie'), a('fonds')],
        status: 'testing' as const,
      },
      {
        title: 'Prix plancher pluriannuel',
        hypothesis: 'Un prix garanti trois ans fait passer des céréaliers en bio.',
        riskLevel: 'medium' as const,
        capitals: ['financial', 'living'],
        actorIds: [a('moulin'), a('gaec3v')],
        status: 'adopted' as const,
        learnings: 'Adopté dans la charte du prix juste (version 2).',
      },
      {
        title: 'Livraison du pain à vélo-cargo',
        hypothesis: 'Un vélo-cargo suffit pour les écoles de Crest.',
        riskLevel: 'low' as const,
        capitals: ['living', 'social'],
        actorIds: [a('paincrest')],
        status: 'abandoned' as const,
        learnings:
          'La côte du lycée et 40 kg par tournée ont eu raison de l’essai : on garde l’idée pour les écoles du centre, en mutualisant avec la plateforme.',
      },
    ];
    for (const idea of ideaRows) {
      const row = { chainId, id: newId(), ...idea };
      await tx.insert(ideas).values(row);
      await audit('idea', row.id, row);
    }
  });
  await closeProposal(db, chainId, closedId, userId);
}
