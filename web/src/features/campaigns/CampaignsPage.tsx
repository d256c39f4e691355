import { Anchor, Badge, Button, Card, EmptyState, Group, Table, Text } from '@mantine/core';
import { IconClipboardList, IconPlus } from '@tabler/icons-react';
import type { Campaign } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert, PageHeader, PageLoader } from '../../app/ui';
import { BADGE_FIT } from '../actors/labels';
import { useCurrentChain } from '../chains/ChainLayout';
import { useDataFormat } from '../indicators/format';
import { useCampaigns } from './api';
import { CampaignFormModal } from './components/CampaignFormModal';
import { isLate } from './model';

/** `/chains/:chainId/campaigns`: the collection campaigns, the open ones first in line. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const navigate = useNavigate();
  const format = useDataFormat();
  const query = useCampaigns(chain.id);
  const [creating, setCreating] = useState(false);
  const isCoordinator = chain.myRole === 'coordinator';
  const base = `/chains/${chain.id}`;
  const items = query.data ?? [];
  const asked = (c: Campaign) => chain.myActorId !== null && c.actorIds.includes(chain.myActorId);

  return (
    <>
      <PageHeader
        title={t('campaigns.title')}
        description={isCoordinator ? t('campaigns.introCoordinator') : t('campaigns.intro')}
        actions={
          isCoordinator && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('campaigns.create')}
            </Button>
          )
        }
      />
      {query.isPending && <PageLoader />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && items.length === 0 && (
        <Card withBorder padding="xl" data-testid="campaigns-empty">
          <EmptyState
            icon={<IconClipboardList size={28} />}
            withIndicatorBackground
            title={t('campaigns.emptyTitle')}
            description={isCoordinator ? t('campaigns.emptyBodyCoordinator') : t('campaigns.emptyBody')}
          >
            {isCoordinator && (
              <EmptyState.Actions>
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                  {t('campaigns.create')}
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        </Card>
      )}
      {items.length > 0 && (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover verticalSpacing="sm" data-testid="campaigns-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('campaigns.fields.name')}</Table.Th>
                  <Table.Th scope="col">{t('campaigns.fields.period')}</Table.Th>
                  <Table.Th scope="col">{t('campaigns.fields.dueDate')}</Table.Th>
                  <Table.Th scope="col">{t('campaigns.fields.indicators')}</Table.Th>
                  <Table.Th scope="col">{t('campaigns.fields.respondents')}</Table.Th>
                  <Table.Th scope="col">{t('campaigns.fields.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Anchor component={Link} to={`${base}/campaigns/${c.id}`} fw={500}>
                          {c.name}
                        </Anchor>
                        {asked(c) && c.status === 'open' && (
                          <Badge color="blue" variant="light" style={BADGE_FIT}>
                            {t('campaigns.toFill')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{format.period(c.period)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Text size="sm">{format.date(c.dueDate)}</Text>
                        {isLate(c) && (
                          <Badge color="orange" variant="light" style={BADGE_FIT}>
                            {t('campaigns.pastDue')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{format.number(c.indicatorIds.length)}</Table.Td>
                    <Table.Td>{format.number(c.actorIds.length)}</Table.Td>
                    <Table.Td>
                      <Badge color={c.status === 'open' ? 'teal' : 'gray'} variant="light" style={BADGE_FIT}>
                        {t(`campaigns.statuses.${c.status}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {creating && (
        <CampaignFormModal
          chainId={chain.id}
          onClose={() => setCreating(false)}
          onCreated={(c) => void navigate(`${base}/campaigns/${c.id}`)}
        />
      )}
    </>
  );
}
