import type { Db } from '../db/client';
import { reports, successStories } from '../db/schema/index';
import { newId } from '../lib/ids';
import { recordAudit } from '../modules/audit/audit.service';

export const DEMO_REPORT_SLUG = 'ble-paysan-val-de-drome-2026';

const INTRO = `Depuis deux ans, paysans, meuniers, boulangers, cuisiniers et épiciers du Val de Drôme
travaillent ensemble pour que le blé semé dans la vallée y soit moulu, pétri et mangé.

Ce rapport raconte notre année : ce que la filière a créé comme **richesses** — pas seulement
l’argent, mais aussi les liens, les savoirs, la santé des sols — et ce qui reste à faire.

> Les chiffres sont des agrégats. Une valeur construite à partir de moins de trois partenaires
> n’est pas publiée, pour que personne ne puisse retrouver les chiffres d’un partenaire.`;

const STORIES = [
  {
    title: 'Le pain de la vallée arrive dans les cantines de Crest',
    story:
      'Depuis la rentrée, la cuisine centrale sert chaque semaine du pain fait avec du blé de la vallée, ' +
      'moulu au Moulin de la Sye. Les enfants de quatre écoles en mangent désormais tous les jours.',
    date: '2026-09-15',
  },
  {
    title: 'Une journée de formation au tri des semences paysannes',
    story:
      'Quinze paysans et deux boulangers ont passé une journée ensemble à trier et choisir les semences ' +
      'de blés anciens pour la saison prochaine.',
    date: '2026-03-21',
  },
];

/** Two success stories and a published report telling the chain's year. */
export async function loadReport(db: Db, userId: string, chainId: string, indicatorIds: Map<string, string>) {
  const id = (code: string) => {
    const found = indicatorIds.get(code);
    if (!found) throw new Error(`demo indicator ${code} missing`);
    return found;
  };
  await db.transaction(async (tx) => {
    for (const s of STORIES) {
      const row = { chainId, id: newId(), ...s, createdBy: userId };
      await tx.insert(successStories).values(row);
      await recordAudit(tx, {
        chainId,
        userId,
        action: 'create',
        entityType: 'success_story',
        entityId: row.id,
        before: null,
        after: row,
      });
    }
    const row = {
      chainId,
      id: newId(),
      title: 'Blé paysan du Val de Drôme — notre année 2026',
      slug: DEMO_REPORT_SLUG,
      summary:
        'Ce que la filière du blé paysan a construit cette année dans la vallée, et ce qui reste à faire.',
      locale: 'fr' as const,
      published: true,
      publishedAt: new Date('2026-10-15T09:00:00Z'),
      sections: [
        { type: 'text', markdown: INTRO },
        {
          type: 'indicator',
          indicatorId: id('PART_VALLEE'),
          groupBy: 'none',
          periodicity: 'quarter',
          chart: 'series',
        },
        {
          type: 'indicator',
          indicatorId: id('BLE_MOULU'),
          groupBy: 'actor',
          periodicity: 'quarter',
          chart: 'series',
        },
        {
          type: 'indicator',
          indicatorId: id('CA'),
          groupBy: 'stage',
          periodicity: 'year',
          chart: 'breakdown',
        },
        {
          type: 'indicator',
          indicatorId: id('EMPLOIS'),
          groupBy: 'none',
          periodicity: 'quarter',
          chart: 'series',
        },
        { type: 'capitals' },
        { type: 'goals' },
        { type: 'map' },
        { type: 'successes' },
        {
          type: 'text',
          markdown:
            '## Et maintenant ?\n\nRejoignez-nous : paysans, artisans, cantines et financeurs de la vallée, ' +
            'écrivez à la coordination de la filière.',
        },
      ],
    };
    await tx.insert(reports).values(row);
    await recordAudit(tx, {
      chainId,
      userId,
      action: 'create',
      entityType: 'report',
      entityId: row.id,
      before: null,
      after: row,
    });
  });
}
