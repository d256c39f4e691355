import {
  Alert,
  Anchor,
  Button,
  Card,
  Code,
  FileInput,
  Group,
  Progress,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconCheck, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import type { ImportJob, ImportKind } from '@tisserand/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../app/api';
import { useFormat } from '../../app/format';
import { ErrorAlert, PageHeader } from '../../app/ui';
import { oneOf } from '../actors/labels';
import { useCurrentChain } from '../chains/ChainLayout';
import { useImportJob, useStartImport } from './api';

/** The kinds of file: the meta vision, and the indicators' data (observations). */
const KINDS = ['actors', 'flows', 'intents', 'observations'] as const satisfies readonly ImportKind[];
type Kind = (typeof KINDS)[number];

const ACTOR_COLUMNS = [
  'name',
  'kind',
  'role',
  'stages',
  'status',
  'selfInterest',
  'description',
  'municipality',
  'postalCode',
  'lat',
  'lon',
  'inRegion',
  'localOwnershipPct',
  'lowIncomeFocus',
  'employees',
  'tags',
] as const;
const FLOW_COLUMNS = [
  'source',
  'target',
  'type',
  'supportKind',
  'product',
  'quantity',
  'unit',
  'value',
  'status',
  'since',
  'until',
  'description',
] as const;
const INTENT_COLUMNS = ['actor', 'direction', 'resource', 'quantity', 'unit', 'period', 'note'] as const;
const OBSERVATION_COLUMNS = ['indicator', 'actor', 'period', 'value', 'note', 'status'] as const;

/** The columns of each kind (API field names) and one example line, as the server reads them. */
const COLUMNS: Record<Kind, { columns: readonly string[]; example: string[] }> = {
  actors: {
    columns: ACTOR_COLUMNS,
    example: [
      'Moulin de la Sye',
      'business',
      'transactional',
      'Meunerie',
      'engaged',
      'Faire tourner ses meules toute l’année',
      '',
      'Aouste-sur-Sye',
      '26400',
      '44.718',
      '5.054',
      'true',
      '100',
      'false',
      '2',
      'meule de pierre;bio',
    ],
  },
  flows: {
    columns: FLOW_COLUMNS,
    example: [
      'Moulin de la Sye',
      'Fournil de Die',
      'product',
      '',
      'Farine T80',
      '12',
      't',
      '14400',
      'active',
      '2024-01-01',
      '',
      '',
    ],
  },
  intents: {
    columns: INTENT_COLUMNS,
    example: ['Fournil de Die', 'need', 'Farine T80', '6', 't', '2025', ''],
  },
  observations: {
    columns: OBSERVATION_COLUMNS,
    example: ['BLE_MOULU', 'Moulin de la Sye', '2026-Q3', '43.1', '', 'submitted'],
  },
};

/** What a column holds, in the interface language. */
function meaningOf(t: TFunction, kind: Kind, column: string): string {
  const actor = kind === 'actors' ? oneOf(ACTOR_COLUMNS, column) : null;
  if (actor) return t(`imports.fields.actors.${actor}`);
  const flow = kind === 'flows' ? oneOf(FLOW_COLUMNS, column) : null;
  if (flow) return t(`imports.fields.flows.${flow}`);
  const intent = kind === 'intents' ? oneOf(INTENT_COLUMNS, column) : null;
  if (intent) return t(`imports.fields.intents.${intent}`);
  const observation = kind === 'observations' ? oneOf(OBSERVATION_COLUMNS, column) : null;
  if (observation) return t(`imports.fields.observations.${observation}`);
  return '';
}

function csvCell(value: string) {
  return /[",;\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function ProgressView({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const format = useFormat();
  const pct =
    job.total > 0 ? Math.round((job.processed / job.total) * 100) : job.status === 'running' ? 0 : 100;
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm" id="import-progress-label">
          {job.status === 'running'
            ? job.dryRun
              ? t('imports.checking')
              : t('imports.importing')
            : t('imports.finished')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('imports.progress', {
            processed: format.number(job.processed),
            total: format.number(job.total),
          })}
        </Text>
      </Group>
      <Progress
        value={pct}
        animated={job.status === 'running'}
        color={job.status === 'failed' ? 'red' : 'teal'}
        aria-labelledby="import-progress-label"
        aria-valuenow={pct}
        data-testid="import-progress"
      />
    </Stack>
  );
}

function Errors({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const shown = job.errors.slice(0, 500);
  return (
    <Stack gap="xs">
      <Alert color="red" variant="light" role="alert" title={t('imports.failedTitle')}>
        {job.dryRun
          ? t('imports.failedDryRun', { count: job.errors.length })
          : t('imports.failedReal', { count: job.errors.length })}
      </Alert>
      {shown.length > 0 && (
        <Table.ScrollContainer minWidth={520} maxHeight={480}>
          <Table
            striped
            verticalSpacing="xs"
            data-testid="import-errors"
            aria-label={t('imports.errorsLabel')}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('imports.columns.row')}</Table.Th>
                <Table.Th scope="col">{t('imports.columns.column')}</Table.Th>
                <Table.Th scope="col">{t('imports.columns.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((e, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a row may hold several errors on one column
                <Table.Tr key={index}>
                  <Table.Td>{e.row}</Table.Td>
                  <Table.Td>
                    <Code>{e.column || t('common.none')}</Code>
                  </Table.Td>
                  <Table.Td>{e.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {job.errors.length > shown.length && (
        <Text size="sm" c="dimmed">
          {t('imports.moreErrors', { count: job.errors.length - shown.length })}
        </Text>
      )}
    </Stack>
  );
}

/** `/chains/:chainId/import` (coordinators): a CSV or XLSX file of actors, flows or intents, checked then imported. */
export function ImportPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const [kind, setKind] = useState<Kind>('actors');
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  // The file the last successful dry run checked: only that one may be imported for real.
  const [checked, setChecked] = useState<{ file: File; kind: Kind } | null>(null);
  const start = useStartImport(chain.id);
  const job = useImportJob(chain.id, jobId);
  const current = job.data;
  const running = start.isPending || current?.status === 'running';
  const base = `/chains/${chain.id}`;

  if (chain.myRole !== 'coordinator') {
    return (
      <>
        <PageHeader title={t('imports.title')} />
        <Alert color="orange" variant="light" role="alert">
          {t('errors.coordinatorOnly')}
        </Alert>
      </>
    );
  }

  const run = (dryRun: boolean) => {
    if (!file) return;
    setJobId(null);
    if (dryRun) setChecked(null);
    start.mutate(
      { kind, dryRun, file },
      {
        onSuccess: ({ id }) => {
          setJobId(id);
          if (dryRun) setChecked({ file, kind });
        },
      },
    );
  };
  const reset = () => {
    setJobId(null);
    setChecked(null);
    start.reset();
  };

  const readyToImport =
    current?.dryRun === true &&
    current.status === 'succeeded' &&
    checked?.file === file &&
    checked?.kind === kind;
  const spec = COLUMNS[kind];
  const listOf = kind === 'flows' ? `${base}/flows` : `${base}/actors`;

  return (
    <>
      <PageHeader title={t('imports.title')} description={t('imports.intro')} />
      <Stack gap="lg" maw={960}>
        <Card withBorder padding="lg">
          <Stack>
            <Stack gap={4}>
              <Text size="sm" fw={500} id="import-kind-label">
                {t('imports.kind')}
              </Text>
              <SegmentedControl
                aria-labelledby="import-kind-label"
                data={KINDS.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
                value={kind}
                disabled={running}
                onChange={(value) => {
                  const next = oneOf(KINDS, value);
                  if (next) {
                    setKind(next);
                    reset();
                  }
                }}
                w="fit-content"
              />
            </Stack>
            <FileInput
              label={t('imports.file')}
              description={t('imports.fileHelp')}
              placeholder={t('imports.filePlaceholder')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
              clearable
              value={file}
              disabled={running}
              onChange={(value) => {
                setFile(value);
                reset();
              }}
              maw={480}
            />
            <Group>
              <Button
                variant={readyToImport ? 'default' : 'filled'}
                leftSection={<IconCheck size={16} aria-hidden />}
                onClick={() => run(true)}
                disabled={!file || running}
                loading={running && start.variables?.dryRun === true}
              >
                {t('imports.check')}
              </Button>
              <Button
                leftSection={<IconUpload size={16} aria-hidden />}
                onClick={() => run(false)}
                disabled={!readyToImport || running}
                loading={running && start.variables?.dryRun === false}
              >
                {t('imports.import')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              {t('imports.allOrNothing')}
            </Text>
            {start.isError &&
              (isApiError(start.error, 400, 413, 415) ? (
                <Alert color="red" variant="light" role="alert" title={t('imports.failedTitle')}>
                  <Text size="sm">
                    {isApiError(start.error, 413) ? t('imports.tooLarge') : t('imports.badFile')}
                  </Text>
                  {start.error.detail && (
                    <Text size="xs" c="dimmed" mt={4}>
                      {start.error.detail}
                    </Text>
                  )}
                </Alert>
              ) : (
                <ErrorAlert error={start.error} />
              ))}
            {job.isError && <ErrorAlert error={job.error} onRetry={() => void job.refetch()} />}
            {current && (
              <Stack gap="md" aria-live="polite">
                <ProgressView job={current} />
                {current.status === 'succeeded' && current.dryRun && (
                  <Alert
                    color="teal"
                    variant="light"
                    title={t('imports.readyTitle')}
                    data-testid="import-ready"
                  >
                    {t('imports.ready', { count: current.total })}
                  </Alert>
                )}
                {current.status === 'succeeded' && !current.dryRun && (
                  <Alert
                    color="teal"
                    variant="light"
                    title={t('imports.doneTitle')}
                    data-testid="import-done"
                  >
                    <Stack gap={4} align="flex-start">
                      <Text size="sm">
                        {t('imports.done', { count: current.imported, updated: current.updated })}
                      </Text>
                      <Anchor component={Link} to={listOf} size="sm">
                        {kind === 'flows' ? t('imports.seeFlows') : t('imports.seeActors')}
                      </Anchor>
                    </Stack>
                  </Alert>
                )}
                {current.status === 'failed' && <Errors job={current} />}
              </Stack>
            )}
          </Stack>
        </Card>

        <Card withBorder padding="lg" component="section" aria-labelledby="import-columns-title">
          <Title order={2} size="h4" id="import-columns-title" mb={4}>
            {t('imports.columnsTitle', { kind: t(`imports.kinds.${kind}`) })}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t(`imports.help.${kind}`)}
          </Text>
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing={4} aria-label={t('imports.columnsLabel')} data-testid="import-columns">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('imports.columns.name')}</Table.Th>
                  <Table.Th scope="col">{t('imports.columns.meaning')}</Table.Th>
                  <Table.Th scope="col">{t('imports.columns.example')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {spec.columns.map((column, index) => (
                  <Table.Tr key={column}>
                    <Table.Td>
                      <Code>{column}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{meaningOf(t, kind, column)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {spec.example[index] || t('common.none')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="sm" fw={500} mt="md" mb={4}>
            {t('imports.exampleLine')}
          </Text>
          <Code block>{`${spec.columns.join(',')}\n${spec.example.map(csvCell).join(',')}`}</Code>
        </Card>
      </Stack>
    </>
  );
}
