import { Badge, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { Agreement } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { ErrorAlert, PageLoader } from '../../../app/ui';
import { BADGE_FIT } from '../../actors/labels';
import { useAgreementVersions } from '../api';
import { VersionDiff } from './VersionDiff';

/** Every version of the terms with its signatures, and a side-by-side diff of any two. */
export function VersionsSection({
  chainId,
  agreement,
  actorName,
}: {
  chainId: string;
  agreement: Agreement;
  actorName: (id: string) => string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const versions = useAgreementVersions(chainId, agreement.id);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const items = versions.data ?? [];
  const last = items.at(-1);
  const fromVersion = items.find((v) => String(v.termsVersion) === from) ?? items.at(-2) ?? last;
  const toVersion = items.find((v) => String(v.termsVersion) === to) ?? last;
  const options = items.map((v) => ({
    value: String(v.termsVersion),
    label: t('agreements.versions.option', { version: v.termsVersion, date: format.date(v.createdAt) }),
  }));
  const label = (n: number) => t('agreements.versions.label', { version: n });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="versions-title">
      <Title order={2} size="h4" id="versions-title" mb={4}>
        {t('agreements.versions.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('agreements.versions.intro')}
      </Text>
      {versions.isPending && <PageLoader />}
      {versions.isError && <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />}
      {versions.isSuccess && (
        <Stack gap="lg">
          <Table.ScrollContainer minWidth={520}>
            <Table striped data-testid="versions-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('agreements.versions.version')}</Table.Th>
                  <Table.Th scope="col">{t('agreements.versions.date')}</Table.Th>
                  <Table.Th scope="col">{t('agreements.versions.signatures')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...items].reverse().map((v) => (
                  <Table.Tr key={v.termsVersion}>
                    <Table.Th scope="row" fw={600} style={{ whiteSpace: 'nowrap' }}>
                      <Group gap="xs" wrap="nowrap">
                        {label(v.termsVersion)}
                        {v.termsVersion === agreement.termsVersion && (
                          <Badge size="sm" variant="light" style={BADGE_FIT}>
                            {t('agreements.versions.current')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Th>
                    <Table.Td>{format.date(v.createdAt)}</Table.Td>
                    <Table.Td>
                      {v.signatures.length === 0
                        ? t('agreements.versions.noSignature')
                        : v.signatures
                            .map((s) =>
                              t('agreements.versions.signedBy', {
                                actor: actorName(s.actorId),
                                date: format.date(s.signedAt),
                              }),
                            )
                            .join(' ; ')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {items.length < 2 ? (
            <Text size="sm" c="dimmed">
              {t('agreements.versions.single')}
            </Text>
          ) : (
            fromVersion &&
            toVersion && (
              <Stack gap="sm" component="section" aria-labelledby="diff-title">
                <Title order={3} size="h5" id="diff-title">
                  {t('agreements.diff.title')}
                </Title>
                <Group gap="md" align="flex-end">
                  <Select
                    label={t('agreements.diff.from')}
                    data={options}
                    value={String(fromVersion.termsVersion)}
                    onChange={setFrom}
                    allowDeselect={false}
                    w={240}
                  />
                  <Select
                    label={t('agreements.diff.to')}
                    data={options}
                    value={String(toVersion.termsVersion)}
                    onChange={setTo}
                    allowDeselect={false}
                    w={240}
                  />
                </Group>
                <VersionDiff
                  before={fromVersion.terms}
                  after={toVersion.terms}
                  beforeLabel={label(fromVersion.termsVersion)}
                  afterLabel={label(toVersion.termsVersion)}
                />
              </Stack>
            )
          )}
        </Stack>
      )}
    </Card>
  );
}
