import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import {
  type CapitalDefinition,
  type CapitalFramework,
  CROSSWALK_TO_PERMACOMPTABLE,
  CROSSWALK_TO_WEALTHWORKS,
  FRAMEWORKS,
} from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { ErrorAlert, PageHeader, PageLoader } from '../../app/ui';
import { useCurrentChain } from '../chains/ChainLayout';
import { useCapitals } from './api';
import { CapitalBalanceSection } from './components/CapitalBalanceSection';

const OTHER: Record<CapitalFramework, CapitalFramework> = {
  permacomptable: 'wealthworks',
  wealthworks: 'permacomptable',
};

/** The crosswalk from a framework to the other one (core/src/capitals/frameworks.ts). */
const CROSSWALK_FROM: Record<CapitalFramework, Record<string, string>> = {
  permacomptable: CROSSWALK_TO_WEALTHWORKS,
  wealthworks: CROSSWALK_TO_PERMACOMPTABLE,
};

function definition(framework: CapitalFramework, key: string | undefined): CapitalDefinition | undefined {
  return key === undefined ? undefined : FRAMEWORKS[framework].find((c) => c.key === key);
}

/** `/chains/:chainId/capitals`: the chain's capitals and how they read in the other framework. */
export function CapitalsPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const capitals = useCapitals(chain.id);
  const language = currentLanguage();
  const framework = chain.capitalFramework;
  const other = OTHER[framework];
  const frameworkName = t(`frameworks.${framework}`);
  const otherName = t(`frameworks.${other}`);
  const labelIn = (fw: CapitalFramework, key: string | undefined) =>
    definition(fw, key)?.label[language] ?? t('capitals.noCounterpart');

  return (
    <>
      <PageHeader
        title={t('capitals.title')}
        description={t('capitals.intro', { count: FRAMEWORKS[framework].length, framework: frameworkName })}
      />
      {capitals.isPending && <PageLoader />}
      {capitals.isError && <ErrorAlert error={capitals.error} onRetry={() => void capitals.refetch()} />}
      {capitals.isSuccess && capitals.data.length === 0 && <Text c="dimmed">{t('capitals.empty')}</Text>}
      {capitals.isSuccess && capitals.data.length > 0 && (
        <Stack gap="xl">
          <CapitalBalanceSection chainId={chain.id} tableShown />
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
            {capitals.data.map((capital) => (
              <Card key={capital.key} withBorder padding="md" component="article" data-testid="capital-card">
                <Stack gap={6} h="100%">
                  <Group justify="space-between" gap="xs" wrap="nowrap">
                    <Title order={2} size="h5">
                      {capital.label}
                    </Title>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {capital.key}
                    </Text>
                  </Group>
                  <Text size="sm">{capital.description}</Text>
                  <Group gap={6} mt="auto" pt="xs">
                    <Text size="xs" c="dimmed">
                      {t('capitals.columns.correspondsTo', { framework: otherName })}
                    </Text>
                    <Badge variant="light" size="sm">
                      {labelIn(other, CROSSWALK_FROM[framework][capital.key])}
                    </Badge>
                  </Group>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>

          <Card withBorder padding="lg">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('capitals.crosswalkTitle', { framework: otherName })}
              </Title>
              <Text size="sm" c="dimmed">
                {t('capitals.crosswalkIntro')}
              </Text>
              <Table.ScrollContainer minWidth={420}>
                <Table striped data-testid="crosswalk-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">
                        {t('capitals.columns.capital', { framework: otherName })}
                      </Table.Th>
                      <Table.Th scope="col">
                        {t('capitals.columns.correspondsTo', { framework: frameworkName })}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {FRAMEWORKS[other].map((capital) => (
                      <Table.Tr key={capital.key}>
                        <Table.Th scope="row" fw={500}>
                          {capital.label[language]}
                        </Table.Th>
                        <Table.Td>{labelIn(framework, CROSSWALK_FROM[other][capital.key])}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          </Card>
        </Stack>
      )}
    </>
  );
}
