import { Anchor, Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import type { Flow } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../app/ui';
import { useActorFlows } from '../../flows/api';
import { FlowAmount, FlowDates, FlowStatusBadge, FlowTypeBadge } from '../../flows/components/FlowCells';
import type { ChainDirectory } from '../../overview/api';

function FlowTable({
  flows,
  direction,
  chainId,
  directory,
}: {
  flows: Flow[];
  direction: 'in' | 'out';
  chainId: string;
  directory: ChainDirectory | undefined;
}) {
  const { t } = useTranslation();
  const title = direction === 'in' ? t('actors.flows.incoming') : t('actors.flows.outgoing');
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {title}{' '}
        <Badge variant="default" size="sm">
          {flows.length}
        </Badge>
      </Title>
      {flows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {direction === 'in' ? t('actors.flows.noIncoming') : t('actors.flows.noOutgoing')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={title} verticalSpacing="xs" data-testid={`actor-flows-${direction}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  {direction === 'in' ? t('actors.flows.from') : t('actors.flows.to')}
                </Table.Th>
                <Table.Th scope="col">{t('flows.columns.type')}</Table.Th>
                <Table.Th scope="col">{t('flows.columns.product')}</Table.Th>
                <Table.Th scope="col">{t('flows.columns.amount')}</Table.Th>
                <Table.Th scope="col">{t('flows.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('flows.columns.dates')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {flows.map((flow) => {
                const otherId = direction === 'in' ? flow.sourceId : flow.targetId;
                const other = directory?.actorById.get(otherId);
                return (
                  <Table.Tr key={flow.id}>
                    <Table.Th scope="row" fw={500}>
                      <Anchor component={Link} to={`/chains/${chainId}/actors/${otherId}`}>
                        {other?.name ?? t('flows.unknownActor')}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>
                      <FlowTypeBadge flow={flow} />
                    </Table.Td>
                    <Table.Td>{flow.product ?? t('common.none')}</Table.Td>
                    <Table.Td>
                      <FlowAmount flow={flow} />
                    </Table.Td>
                    <Table.Td>
                      <FlowStatusBadge status={flow.status} />
                    </Table.Td>
                    <Table.Td>
                      <FlowDates flow={flow} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** The flows in and out of an actor, each with the actor at the other end. */
export function ActorFlowsSection({
  chainId,
  actorId,
  directory,
}: {
  chainId: string;
  actorId: string;
  directory: ChainDirectory | undefined;
}) {
  const { t } = useTranslation();
  const flows = useActorFlows(chainId, actorId);
  const items = flows.data?.items ?? [];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="actor-flows-title">
      <Title order={2} size="h4" id="actor-flows-title" mb="sm">
        {t('actors.flows.title')}
      </Title>
      {flows.isError && <ErrorAlert error={flows.error} onRetry={() => void flows.refetch()} />}
      {flows.isSuccess && (
        <Stack gap="lg">
          <FlowTable
            flows={items.filter((f) => f.targetId === actorId)}
            direction="in"
            chainId={chainId}
            directory={directory}
          />
          <FlowTable
            flows={items.filter((f) => f.sourceId === actorId)}
            direction="out"
            chainId={chainId}
            directory={directory}
          />
        </Stack>
      )}
    </Card>
  );
}
