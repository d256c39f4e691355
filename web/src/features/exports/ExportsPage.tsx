import { Alert, Button, Card, Code, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconInfoCircle } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { API_BASE } from '../../app/api';
import { PageHeader } from '../../app/ui';
import { useCurrentChain } from '../chains/ChainLayout';

/** The export files of a chain (API.md "Imports and exports"), by the key of their texts. */
const MAP_EXPORTS = [
  { name: 'map.gexf', key: 'gexf' },
  { name: 'map.graphml', key: 'graphml' },
  { name: 'kumu.json', key: 'kumu' },
  { name: 'valueflows.jsonld', key: 'valueflows' },
] as const;
const DATA_EXPORTS = [
  { name: 'observations.csv', key: 'observationsCsv' },
  { name: 'observations.xlsx', key: 'observationsXlsx' },
] as const;
const BACKUP = { name: 'backup.json', key: 'backup' } as const;

type ExportFile = (typeof MAP_EXPORTS)[number] | (typeof DATA_EXPORTS)[number] | typeof BACKUP;

/** One export: what it holds and what reads it, and its download link (the session cookie signs the GET). */
function ExportCard({ chainId, file }: { chainId: string; file: ExportFile }) {
  const { t } = useTranslation();
  const titleId = useId();
  const title = t(`exports.files.${file.key}.title`);
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId} data-testid="export-card">
      <Stack gap="xs" h="100%">
        <Title order={3} size="h5" id={titleId}>
          {title}
        </Title>
        <Code w="fit-content">{file.name}</Code>
        <Text size="sm" c="dimmed" style={{ flex: 1 }}>
          {t(`exports.files.${file.key}.body`)}
        </Text>
        <Button
          component="a"
          href={`${API_BASE}/chains/${encodeURIComponent(chainId)}/exports/${file.name}`}
          // The server names the file (chain and date); `download` keeps the page where it is.
          download
          variant="light"
          w="fit-content"
          leftSection={<IconDownload size={16} aria-hidden />}
          aria-label={t('exports.downloadLabel', { title, file: file.name })}
        >
          {t('exports.download')}
        </Button>
      </Stack>
    </Card>
  );
}

function ExportGroup({
  title,
  intro,
  chainId,
  files,
}: {
  title: string;
  intro?: string;
  chainId: string;
  files: readonly ExportFile[];
}) {
  const id = useId();
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      {intro && (
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {files.map((file) => (
          <ExportCard key={file.name} chainId={chainId} file={file} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** `/chains/:chainId/exports`: the chain's map, data and (for coordinators) whole backup, as files. */
export function ExportsPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  return (
    <>
      <PageHeader title={t('exports.title')} description={t('exports.intro')} />
      <Stack gap="xl" maw={1100}>
        <Alert variant="light" color="blue" role="note" icon={<IconInfoCircle aria-hidden />}>
          {t('exports.visibility')}
        </Alert>
        <ExportGroup
          title={t('exports.groups.map')}
          intro={t('exports.groups.mapIntro')}
          chainId={chain.id}
          files={MAP_EXPORTS}
        />
        <ExportGroup
          title={t('exports.groups.data')}
          intro={t('exports.groups.dataIntro')}
          chainId={chain.id}
          files={DATA_EXPORTS}
        />
        {chain.myRole === 'coordinator' && (
          <ExportGroup
            title={t('exports.groups.backup')}
            intro={t('exports.groups.backupIntro')}
            chainId={chain.id}
            files={[BACKUP]}
          />
        )}
      </Stack>
    </>
  );
}
