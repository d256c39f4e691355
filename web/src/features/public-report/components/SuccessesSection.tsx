import { Text, Title } from '@mantine/core';
import type { ResolvedSection } from '@tisserand/core';
import classes from '../PublicReport.module.css';
import { useReportKit } from '../report-context';
import { SectionFrame } from './SectionFrame';

type SuccessesData = Extract<ResolvedSection, { type: 'successes' }>;

/** What the chain has achieved: one card per success, with its date and its story. */
export function SuccessesSection({ section }: { section: SuccessesData }) {
  const { t, format, heading } = useReportKit();
  return (
    <SectionFrame title={t('publicReport.successes.title')} testId="report-successes">
      {section.items.length === 0 ? (
        <Text c="dimmed">{t('publicReport.successes.empty')}</Text>
      ) : (
        <ul className={classes.cards}>
          {section.items.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: published successes carry no id and never reorder
            <li key={index} className={classes.card}>
              <Title order={heading(3)} size="h5">
                {item.title}
              </Title>
              {item.date && (
                <Text size="sm" c="dimmed">
                  <time dateTime={item.date}>{format.date(item.date)}</time>
                </Text>
              )}
              {item.story && (
                <Text size="sm" className={classes.story}>
                  {item.story}
                </Text>
              )}
            </li>
          ))}
        </ul>
      )}
    </SectionFrame>
  );
}
