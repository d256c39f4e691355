import { Anchor, Button, EmptyState, Table, Text } from '@mantine/core';
import { IconPlus, IconReport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../app/format';
import { ErrorAlert, PageHeader, PageLoader } from '../../app/ui';
import { useCurrentChain } from '../chains/ChainLayout';
import { useReports } from './api';
import { NewReportModal } from './components/NewReportModal';
import { ReportStatusBadge } from './components/ReportStatusBadge';
import { publicPath } from './labels';

/** `/chains/:chainId/reports`: the chain's reports, drafts and published, with their public addresses. */
export function ReportsPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const navigate = useNavigate();
  const format = useFormat();
  const reports = useReports(chain.id);
  const [creating, setCreating] = useState(false);
  const isCoordinator = chain.myRole === 'coordinator';
  const base = `/chains/${chain.id}`;
  const items = reports.data ?? [];
  const createButton = isCoordinator && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      {t('reports.create')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('reports.title')} description={t('reports.intro')} actions={createButton} />
      {reports.isPending && <PageLoader />}
      {reports.isError && <ErrorAlert error={reports.error} onRetry={() => void reports.refetch()} />}
      {reports.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<IconReport size={28} />}
          withIndicatorBackground
          title={t('reports.emptyTitle')}
          description={isCoordinator ? t('reports.emptyBody') : t('reports.emptyBodyReader')}
        >
          {createButton && <EmptyState.Actions>{createButton}</EmptyState.Actions>}
        </EmptyState>
      )}
      {reports.isSuccess && items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={t('reports.tableLabel')} verticalSpacing="sm" data-testid="reports-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reports.fields.title')}</Table.Th>
                <Table.Th scope="col">{t('reports.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('reports.columns.address')}</Table.Th>
                <Table.Th scope="col">{t('reports.columns.updatedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((report) => (
                <Table.Tr key={report.id} data-testid="report-row">
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`${base}/reports/${report.id}`} inherit>
                      {report.title}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    <ReportStatusBadge published={report.published} />
                  </Table.Td>
                  <Table.Td>
                    {report.published ? (
                      <Anchor href={publicPath(report.slug)} size="sm">
                        {publicPath(report.slug)}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('reports.notPublic')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{format.dateTime(report.updatedAt)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {creating && (
        <NewReportModal
          chainId={chain.id}
          onClose={() => setCreating(false)}
          onCreated={(report) => void navigate(`${base}/reports/${report.id}`)}
        />
      )}
    </>
  );
}
