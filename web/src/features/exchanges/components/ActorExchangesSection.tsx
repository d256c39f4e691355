import { Anchor, Button, Card, Group, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../app/ui';
import type { ChainDirectory } from '../../overview/api';
import { useInteractions } from '../api';
import { InteractionFormModal } from './InteractionFormModal';
import { InteractionTimeline } from './InteractionTimeline';

/** On an actor's profile: the exchanges with it, newest first (the last ten), and a way to add one. */
export function ActorExchangesSection({
  chainId,
  actorId,
  directory,
  canWrite,
}: {
  chainId: string;
  actorId: string;
  directory: ChainDirectory | undefined;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const interactions = useInteractions(chainId, actorId);
  const [adding, setAdding] = useState(false);
  const items = interactions.data ?? [];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="actor-exchanges-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="actor-exchanges-title">
          {t('exchanges.actorSection.title')}
        </Title>
        <Group gap="sm">
          {canWrite && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setAdding(true)}
            >
              {t('exchanges.add')}
            </Button>
          )}
          <Anchor component={Link} to={`/chains/${chainId}/exchanges`} size="sm">
            {t('exchanges.actorSection.all')}
          </Anchor>
        </Group>
      </Group>
      {interactions.isError && (
        <ErrorAlert error={interactions.error} onRetry={() => void interactions.refetch()} />
      )}
      {interactions.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('exchanges.actorSection.none')}
        </Text>
      )}
      {items.length > 0 && (
        <InteractionTimeline interactions={items.slice(0, 10)} chainId={chainId} directory={directory} />
      )}
      {adding && (
        <InteractionFormModal
          chainId={chainId}
          defaultActorIds={[actorId]}
          onClose={() => setAdding(false)}
        />
      )}
    </Card>
  );
}
