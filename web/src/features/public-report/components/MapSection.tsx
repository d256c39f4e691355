import { Text, Title, VisuallyHidden } from '@mantine/core';
import type { ResolvedSection } from '@tisserand/core';
import classes from '../PublicReport.module.css';
import { useReportKit } from '../report-context';
import { SectionFrame } from './SectionFrame';

type MapData = Extract<ResolvedSection, { type: 'map' }>;

/**
 * The chain by stage, without any actor-level data: the stages in order with how many actors work at
 * each, then the links between stages with how many flows carry them.
 */
export function MapSection({ section }: { section: MapData }) {
  const { t, format, labels, heading, locale } = useReportKit();
  const stages = [...section.stages].sort((a, b) => a.position - b.position);
  const byId = new Map(stages.map((s) => [s.id, s]));
  const position = (id: string) => byId.get(id)?.position ?? Number.MAX_SAFE_INTEGER;
  const nameOf = (id: string) => byId.get(id)?.name ?? t('publicReport.map.unknownStage');
  const links = [...section.links].sort(
    (a, b) =>
      position(a.fromStageId) - position(b.fromStageId) || position(a.toStageId) - position(b.toStageId),
  );
  const { totals } = section;

  return (
    <SectionFrame title={t('publicReport.map.title')} intro={t('publicReport.map.intro')} testId="report-map">
      <dl className={classes.stats}>
        <div>
          <dt>{t('publicReport.map.totals.actors', { count: totals.actors })}</dt>
          <dd>{format.number(totals.actors)}</dd>
        </div>
        <div>
          <dt>{t('publicReport.map.totals.inRegion', { count: totals.inRegion })}</dt>
          <dd>{format.number(totals.inRegion)}</dd>
        </div>
        <div>
          <dt>{t('publicReport.map.totals.lowIncomeFocus', { count: totals.lowIncomeFocus })}</dt>
          <dd>{format.number(totals.lowIncomeFocus)}</dd>
        </div>
        <div>
          <dt>{t('publicReport.map.totals.flows', { count: totals.flows })}</dt>
          <dd>{format.number(totals.flows)}</dd>
        </div>
      </dl>

      {stages.length === 0 ? (
        <Text c="dimmed">{t('publicReport.map.noStages')}</Text>
      ) : (
        <ol
          className={classes.stages}
          aria-label={t('publicReport.map.stagesLabel')}
          data-testid="report-stages"
        >
          {stages.map((stage, index) => (
            <li key={stage.id} className={classes.stage}>
              {index > 0 && (
                <span className={classes.arrow} aria-hidden>
                  →
                </span>
              )}
              <span className={classes.stageBox}>
                <Text span fw={600}>
                  {stage.name}
                </Text>
                <Text span size="sm" c="dimmed">
                  {t('publicReport.map.actors', { count: stage.actors })}
                </Text>
              </span>
            </li>
          ))}
        </ol>
      )}

      <Title order={heading(3)} size="h5" mt="sm">
        {t('publicReport.map.linksTitle')}
      </Title>
      {links.length === 0 ? (
        <Text c="dimmed">{t('publicReport.map.noLinks')}</Text>
      ) : (
        <ul className={classes.links} data-testid="report-stage-links">
          {links.map((link) => {
            const types = link.types
              .map((type) => labels.flowType(type).toLocaleLowerCase(locale))
              .join(', ');
            return (
              <li key={`${link.fromStageId}>${link.toStageId}`}>
                {link.fromStageId === link.toStageId ? (
                  t('publicReport.map.within', { stage: nameOf(link.fromStageId) })
                ) : (
                  <>
                    {nameOf(link.fromStageId)} <span aria-hidden>→</span>
                    <VisuallyHidden>{t('publicReport.map.to')}</VisuallyHidden> {nameOf(link.toStageId)}
                  </>
                )}
                {' · '}
                {t('publicReport.map.flows', { count: link.flows })}
                {types && ` (${types})`}
              </li>
            );
          })}
        </ul>
      )}
    </SectionFrame>
  );
}
