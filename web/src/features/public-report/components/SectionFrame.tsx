import { Loader, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import classes from '../PublicReport.module.css';
import { useReportKit } from '../report-context';

/** One section of a report: a region named by its heading, with an optional one-line introduction. */
export function SectionFrame({
  title,
  intro,
  testId,
  children,
}: {
  title: string;
  intro?: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  const { heading } = useReportKit();
  const id = useId();
  return (
    <section className={classes.section} aria-labelledby={id} data-testid={testId}>
      <Title order={heading(2)} size="h3" id={id}>
        {title}
      </Title>
      {intro && (
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
      )}
      {children}
    </section>
  );
}

/** The place of a chart while its code loads, the same height so that nothing jumps. */
export function ChartFallback({ height }: { height: number }) {
  const { t } = useReportKit();
  return (
    <div
      role="status"
      style={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center' }}
      aria-label={t('common.loading')}
    >
      <Loader size="sm" aria-hidden />
    </div>
  );
}

/** « non publié (trop peu de contributeurs) », the words for a figure withheld by the k rule. */
export function SuppressedText() {
  const { t } = useReportKit();
  return (
    <Text span size="sm" className={classes.suppressed} data-testid="report-suppressed">
      {t('publicReport.suppressed')}
    </Text>
  );
}
