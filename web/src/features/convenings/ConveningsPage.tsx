import {
  Anchor,
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconCalendarEvent, IconMapPin, IconPlus, IconUsers } from '@tabler/icons-react';
import type { Convening } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert, PageHeader, PageLoader } from '../../app/ui';
import { useCurrentChain } from '../chains/ChainLayout';
import { daysFromToday, formatDay, todayIso } from '../exchanges/dates';
import { useConvenings } from './api';
import { ConveningFormModal } from './components/ConveningFormModal';
import { MonthCalendar } from './components/MonthCalendar';

function ConveningCard({ convening, chainId }: { convening: Convening; chainId: string }) {
  const { t, i18n } = useTranslation();
  const days = daysFromToday(convening.date);
  const titleId = `convening-${convening.id}-title`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId} data-testid="convening-card">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h5" id={titleId}>
            <Anchor component={Link} to={`/chains/${chainId}/convenings/${convening.id}`} inherit>
              {convening.title}
            </Anchor>
          </Title>
          {days >= 0 && (
            <Badge
              variant="light"
              color={days <= 7 ? 'orange' : 'teal'}
              style={{ minWidth: 'max-content', textTransform: 'none' }}
            >
              {days === 0 ? t('convenings.today') : t('convenings.inDays', { count: days })}
            </Badge>
          )}
        </Group>
        <Group gap={6}>
          <IconCalendarEvent size={16} aria-hidden />
          <Text size="sm">{formatDay(convening.date, i18n.language, 'full')}</Text>
        </Group>
        {convening.location && (
          <Group gap={6}>
            <IconMapPin size={16} aria-hidden />
            <Text size="sm">{convening.location}</Text>
          </Group>
        )}
        <Group gap={6}>
          <IconUsers size={16} aria-hidden />
          <Text size="sm">
            {t('convenings.counts', {
              invited: convening.invitedActorIds.length,
              attended: convening.attendeeActorIds.length,
            })}
          </Text>
        </Group>
        {convening.purpose && (
          <Text size="sm" c="dimmed" lineClamp={2}>
            {convening.purpose}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** `/chains/:chainId/convenings`: the gatherings that bring actors together, upcoming first, as a list or a month. */
export function ConveningsPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const navigate = useNavigate();
  const convenings = useConvenings(chain.id);
  const [view, setView] = useState<'list' | 'calendar'>('list');
  const [creating, setCreating] = useState(false);
  const isCoordinator = chain.myRole === 'coordinator';
  const all = convenings.data ?? [];
  const today = todayIso();
  const upcoming = all.filter((c) => c.date >= today).sort((a, b) => a.date.localeCompare(b.date));
  const past = all.filter((c) => c.date < today).sort((a, b) => b.date.localeCompare(a.date));
  const createButton = isCoordinator && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      {t('convenings.create')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('convenings.title')} description={t('convenings.intro')} actions={createButton} />
      {convenings.isPending && <PageLoader />}
      {convenings.isError && (
        <ErrorAlert error={convenings.error} onRetry={() => void convenings.refetch()} />
      )}
      {convenings.isSuccess && all.length === 0 && (
        <EmptyState
          icon={<IconCalendarEvent size={28} />}
          withIndicatorBackground
          title={t('convenings.emptyTitle')}
          description={isCoordinator ? t('convenings.emptyBody') : t('convenings.emptyBodyReader')}
        >
          {createButton && <EmptyState.Actions>{createButton}</EmptyState.Actions>}
        </EmptyState>
      )}
      {convenings.isSuccess && all.length > 0 && (
        <Stack gap="lg">
          <SegmentedControl
            w="fit-content"
            aria-label={t('convenings.viewLabel')}
            value={view}
            onChange={(v) => setView(v === 'calendar' ? 'calendar' : 'list')}
            data={[
              { value: 'list', label: t('convenings.viewList') },
              { value: 'calendar', label: t('convenings.viewCalendar') },
            ]}
          />
          {view === 'calendar' ? (
            <MonthCalendar convenings={all} chainId={chain.id} />
          ) : (
            [
              { key: 'upcoming', items: upcoming },
              { key: 'past', items: past },
            ].map(({ key, items }) => (
              <Stack key={key} gap="sm" component="section" aria-labelledby={`convenings-${key}`}>
                <Title order={2} size="h4" id={`convenings-${key}`}>
                  {t(key === 'upcoming' ? 'convenings.upcoming' : 'convenings.past', { count: items.length })}
                </Title>
                {items.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t(key === 'upcoming' ? 'convenings.noneUpcoming' : 'convenings.nonePast')}
                  </Text>
                ) : (
                  <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
                    {items.map((c) => (
                      <ConveningCard key={c.id} convening={c} chainId={chain.id} />
                    ))}
                  </SimpleGrid>
                )}
              </Stack>
            ))
          )}
        </Stack>
      )}
      {creating && (
        <ConveningFormModal
          chainId={chain.id}
          onClose={() => setCreating(false)}
          onSaved={(c) => void navigate(`/chains/${chain.id}/convenings/${c.id}`)}
        />
      )}
    </>
  );
}
