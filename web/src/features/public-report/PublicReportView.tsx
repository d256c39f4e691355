import { Anchor, Badge, Group, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { PublicReport, ResolvedSection } from '@tisserand/core';
import { useId, useMemo } from 'react';
import { publicReportDownloads } from './api';
import { CapitalsSection } from './components/CapitalsSection';
import { GoalsSection } from './components/GoalsSection';
import { IndicatorSection } from './components/IndicatorSection';
import { MapSection } from './components/MapSection';
import { SuccessesSection } from './components/SuccessesSection';
import { TextSection } from './components/TextSection';
import classes from './PublicReport.module.css';
import { type ReportSettings, ReportSettingsContext, useReportKit } from './report-context';

function SectionView({ section }: { section: ResolvedSection }) {
  const { preview } = useReportKit();
  switch (section.type) {
    case 'text':
      return <TextSection markdown={section.markdown} preview={preview} />;
    case 'indicator':
      return <IndicatorSection section={section} />;
    case 'capitals':
      return <CapitalsSection section={section} />;
    case 'map':
      return <MapSection section={section} />;
    case 'successes':
      return <SuccessesSection section={section} />;
    case 'goals':
      return <GoalsSection section={section} />;
  }
}

/** The links to the report's open data and PDF. */
function Downloads({ slug }: { slug: string }) {
  const { t } = useReportKit();
  const links = publicReportDownloads(slug);
  const labelId = useId();
  const items = [
    { href: links.pdf, label: t('publicReport.downloads.pdf') },
    { href: links.csv, label: t('publicReport.downloads.csv') },
    { href: links.json, label: t('publicReport.downloads.json') },
  ];
  return (
    <div className={classes.noPrint}>
      <Text size="sm" fw={600} id={labelId} mt="xs">
        {t('publicReport.downloads.title')}
      </Text>
      <ul className={classes.downloads} aria-labelledby={labelId} data-testid="report-downloads">
        {items.map((item) => (
          <li key={item.href}>
            <Anchor href={item.href} download size="sm">
              <Group gap={4} component="span" wrap="nowrap">
                <IconDownload size={14} aria-hidden />
                {item.label}
              </Group>
            </Anchor>
          </li>
        ))}
      </ul>
      <Text size="xs" c="dimmed" mt={4}>
        {t('publicReport.downloads.hint')}
      </Text>
    </div>
  );
}

function ReportBody({ report }: { report: PublicReport }) {
  const { t, format, heading, preview, locale } = useReportKit();
  const titleId = useId();
  return (
    <article lang={locale} className={classes.report} aria-labelledby={titleId} data-testid="public-report">
      <header className={classes.header}>
        {preview && (
          <Badge color="grape" variant="light" size="lg" w="fit-content" data-testid="report-preview-badge">
            {t('publicReport.preview')}
          </Badge>
        )}
        <Title order={heading(1)} size="h1" id={titleId}>
          {report.title}
        </Title>
        <Text fw={500}>
          {report.chain.region
            ? t('publicReport.chainRegion', { name: report.chain.name, region: report.chain.region })
            : report.chain.name}
        </Text>
        <Text size="sm" c="dimmed">
          {report.publishedAt ? (
            <>
              {t('publicReport.publishedOn')}{' '}
              <time dateTime={report.publishedAt}>{format.date(report.publishedAt)}</time>
            </>
          ) : (
            t('publicReport.notPublished')
          )}
        </Text>
        {report.summary && <Text className={classes.summary}>{report.summary}</Text>}
        {!preview && <Downloads slug={report.slug} />}
      </header>
      {report.sections.length === 0 ? (
        <Text c="dimmed">{t('publicReport.empty')}</Text>
      ) : (
        report.sections.map((section, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: sections have no id; their place is who they are
          <SectionView key={index} section={section} />
        ))
      )}
    </article>
  );
}

/**
 * A report as the public reads it at `/r/{slug}`: title, chain and date, the download links, then
 * every section in order. Its labels, numbers and dates follow the report's language, whatever the
 * interface's. `preview` shows it inside the report builder: a "Preview" badge, no download links.
 */
export function PublicReportView({ report, preview = false }: { report: PublicReport; preview?: boolean }) {
  const settings = useMemo<ReportSettings>(
    () => ({ locale: report.locale, minGroupSize: report.chain.publicMinGroupSize, preview }),
    [report.locale, report.chain.publicMinGroupSize, preview],
  );
  return (
    <ReportSettingsContext.Provider value={settings}>
      <ReportBody report={report} />
    </ReportSettingsContext.Provider>
  );
}
