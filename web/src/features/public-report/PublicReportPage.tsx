import { Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../app/api';
import i18n from '../../app/i18n';
import { ErrorAlert, PageLoader } from '../../app/ui';
import { usePublicReport } from './api';
import { preloadReportCharts } from './components/lazy-charts';
import classes from './PublicReport.module.css';
import { PublicReportView } from './PublicReportView';

// The charts' code starts loading with this page, in parallel with the report's data.
preloadReportCharts();

/** The frame of a public page: the content, and a line saying what made it; no app chrome. */
function PublicFrame({ children, footer }: { children: ReactNode; footer: string }) {
  return (
    <div className={classes.page}>
      <main id="main" className={classes.main}>
        {children}
      </main>
      <footer className={`${classes.footer} ${classes.noPrint}`}>{footer}</footer>
    </div>
  );
}

/** An unknown or unpublished report: the same answer for both, so that drafts stay unseen. */
function ReportNotFound() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('publicReport.notFoundTitle')} · ${t('app.name')}`;
  }, [t]);
  return (
    <PublicFrame footer={t('app.name')}>
      <Stack align="center" gap="sm" py="xl" data-testid="report-not-found">
        <Title order={1} size="h2">
          {t('publicReport.notFoundTitle')}
        </Title>
        <Text c="dimmed" ta="center" maw={520}>
          {t('publicReport.notFoundBody')}
        </Text>
      </Stack>
    </PublicFrame>
  );
}

/** `/r/:slug`, no sign-in: a published report, in its own language. */
export function PublicReportPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const query = usePublicReport(slug);
  const report = query.data;

  useEffect(() => {
    if (!report) return;
    document.title = `${report.title} · ${report.chain.name}`;
    // The page speaks the report's language, whatever the interface's; back to it on leaving.
    document.documentElement.lang = report.locale;
    return () => {
      document.documentElement.lang = i18n.language;
    };
  }, [report]);

  if (query.isPending) {
    return (
      <PublicFrame footer={t('app.name')}>
        <PageLoader />
      </PublicFrame>
    );
  }
  if (query.isError) {
    if (isApiError(query.error, 404, 400)) return <ReportNotFound />;
    return (
      <PublicFrame footer={t('app.name')}>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </PublicFrame>
    );
  }
  return (
    <PublicFrame footer={t('publicReport.footer', { lng: query.data.locale })}>
      <PublicReportView report={query.data} />
    </PublicFrame>
  );
}
