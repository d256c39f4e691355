import {
  Anchor,
  Button,
  Card,
  EmptyState,
  Group,
  SegmentedControl,
  Stack,
  Text,
  ThemeIcon,
  Timeline,
  Title,
} from '@mantine/core';
import {
  IconConfetti,
  IconMessageHeart,
  IconPlus,
  IconTarget,
  IconTrendingUp,
  IconTrophy,
  type TablerIcon,
} from '@tabler/icons-react';
import { periodOfDate, type Success } from '@tisserand/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, PageHeader, PageLoader } from '../../app/ui';
import { oneOf } from '../actors/labels';
import { useCurrentChain } from '../chains/ChainLayout';
import { useDataFormat } from '../indicators/format';
import { useChainDirectory } from '../overview/api';
import { useSuccesses } from './api';
import { StoryFormModal } from './components/StoryFormModal';

type Kind = Success['kind'];
const KINDS = ['target_reached', 'record', 'strong_growth', 'story'] as const satisfies readonly Kind[];
const FILTERS = ['all', ...KINDS] as const;
/** How many successes show at first, and how many more each time. */
const PAGE = 20;

/** The quarter of a success: its period, or for a story the quarter of its date. */
function periodOf(success: Success): string {
  return success.period ?? periodOfDate(success.at.slice(0, 10), 'quarter');
}

/** Successes grouped by period, in the feed's order (newest first). */
function byPeriod(items: Success[]): { period: string; successes: Success[] }[] {
  const groups: { period: string; successes: Success[] }[] = [];
  for (const s of items) {
    const period = periodOf(s);
    const last = groups[groups.length - 1];
    if (last && last.period === period) last.successes.push(s);
    else groups.push({ period, successes: [s] });
  }
  return groups;
}

/** Icon and colour of each kind of success, the same on every page. */
export const SUCCESS_LOOK: Record<Kind, { icon: TablerIcon; color: string }> = {
  target_reached: { icon: IconTarget, color: 'teal' },
  record: { icon: IconTrophy, color: 'yellow' },
  strong_growth: { icon: IconTrendingUp, color: 'blue' },
  story: { icon: IconMessageHeart, color: 'grape' },
};

/** `/chains/:chainId/successes` (célébrer): targets reached, records, strong growth and stories, newest first. */
export function SuccessesPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const query = useSuccesses(chain.id);
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('all');
  const [adding, setAdding] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const format = useDataFormat();
  const isCoordinator = chain.myRole === 'coordinator';
  const all = query.data?.items ?? [];
  const items = filter === 'all' ? all : all.filter((s) => s.kind === filter);

  return (
    <>
      <PageHeader
        title={t('successes.title')}
        description={t('successes.intro')}
        actions={
          isCoordinator && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
              {t('successes.add')}
            </Button>
          )
        }
      />
      {query.isPending && <PageLoader />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && all.length === 0 && (
        <Card withBorder padding="xl" data-testid="successes-empty">
          <EmptyState
            icon={<IconConfetti size={28} />}
            withIndicatorBackground
            title={t('successes.emptyTitle')}
            description={isCoordinator ? t('successes.emptyBodyCoordinator') : t('successes.emptyBody')}
          >
            <EmptyState.Actions>
              <Button component={Link} to={`/chains/${chain.id}/indicators`} variant="default">
                {t('successes.toIndicators')}
              </Button>
              {isCoordinator && (
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
                  {t('successes.add')}
                </Button>
              )}
            </EmptyState.Actions>
          </EmptyState>
        </Card>
      )}
      {all.length > 0 && (
        <Stack gap="lg">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="successes-filter-label">
              {t('successes.filter')}
            </Text>
            <SegmentedControl
              aria-labelledby="successes-filter-label"
              value={filter}
              onChange={(v) => {
                setFilter(oneOf(FILTERS, v) ?? 'all');
                setShown(PAGE);
              }}
              data={FILTERS.map((f) => ({
                value: f,
                label: `${t(`successes.kinds.${f}`)} · ${f === 'all' ? all.length : all.filter((s) => s.kind === f).length}`,
              }))}
              w="fit-content"
            />
          </Stack>
          {items.length === 0 ? (
            <Text c="dimmed">{t('successes.noneOfKind')}</Text>
          ) : (
            <Stack gap="lg" data-testid="successes-feed">
              {byPeriod(items.slice(0, shown)).map(({ period, successes }) => (
                <section key={period} aria-labelledby={`successes-${period}`}>
                  <Title order={2} size="h5" mb="sm" id={`successes-${period}`}>
                    {format.period(period)}
                  </Title>
                  <Timeline bulletSize={32} lineWidth={2}>
                    {successes.map((s) => (
                      <SuccessItem key={s.key} success={s} />
                    ))}
                  </Timeline>
                </section>
              ))}
              {items.length > shown && (
                <Button variant="default" w="fit-content" onClick={() => setShown((n) => n + PAGE)}>
                  {t('successes.showMore', { count: items.length - shown })}
                </Button>
              )}
            </Stack>
          )}
        </Stack>
      )}
      {adding && <StoryFormModal chainId={chain.id} onClose={() => setAdding(false)} />}
    </>
  );
}

function SuccessItem({ success, ...rest }: { success: Success }) {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const format = useDataFormat();
  const directory = useChainDirectory(chain.id);
  const look = SUCCESS_LOOK[success.kind];
  const Icon = look.icon;
  const base = `/chains/${chain.id}`;
  return (
    <Timeline.Item
      {...rest}
      bullet={
        <ThemeIcon size={32} radius="xl" color={look.color} variant="light" aria-hidden>
          <Icon size={18} />
        </ThemeIcon>
      }
      title={
        <Group gap="xs" component="span">
          <Text span fw={600}>
            {success.title}
          </Text>
          <Text span size="xs" c={look.color === 'yellow' ? 'yellow.9' : `${look.color}.8`} fw={500}>
            {t(`successes.kinds.${success.kind}`)}
          </Text>
        </Group>
      }
      data-testid="success-item"
      data-kind={success.kind}
    >
      <Stack gap={4} mt={4} mb="md">
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {success.message}
        </Text>
        <Group gap="xs" wrap="wrap">
          <Text size="xs" c="dimmed">
            {success.period && success.kind !== 'story'
              ? format.period(success.period)
              : format.date(success.at)}
          </Text>
          {success.indicatorId && (
            <>
              <Text size="xs" c="dimmed" aria-hidden>
                ·
              </Text>
              <Anchor component={Link} to={`${base}/indicators/${success.indicatorId}`} size="xs">
                {t('successes.seeIndicator')}
              </Anchor>
            </>
          )}
          {success.actorIds.length > 0 && (
            <>
              <Text size="xs" c="dimmed" aria-hidden>
                ·
              </Text>
              <Text size="xs" c="dimmed">
                {t('successes.madeBy')}{' '}
                {success.actorIds.map((id, i) => (
                  <Fragment key={id}>
                    {i > 0 && ', '}
                    <Anchor component={Link} to={`${base}/actors/${id}`} size="xs">
                      {directory.data?.actorById.get(id)?.name ?? t('campaigns.unknownActor')}
                    </Anchor>
                  </Fragment>
                ))}
              </Text>
            </>
          )}
        </Group>
      </Stack>
    </Timeline.Item>
  );
}
