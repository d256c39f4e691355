import { ActionIcon, Anchor, Button, EmptyState, Group, Stack, Text, Timeline, Tooltip } from '@mantine/core';
import { IconBulb, IconFlask, IconPencil, IconPlus, IconSparkles, IconUsersGroup } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Introduction, IntroductionCreate, Serendipity } from '@tisserand/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { api } from '../../app/api';
import { useFormat } from '../../app/format';
import { ErrorAlert, notifySuccess, PageHeader, PageLoader } from '../../app/ui';
import { useCurrentChain } from '../chains/ChainLayout';
import { connectorKeys } from '../matchmaking/api';
import { useChainDirectory } from '../overview/api';
import { useIdeaMutations, useIdeas, useSerendipity } from './api';
import { SerendipityFormModal } from './components/SerendipityFormModal';
import { titleFromDescription } from './labels';

/** `/chains/:chainId/serendipity`: the journal of unexpected encounters, each one click from becoming an idea. */
export function SerendipityPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const chain = useCurrentChain();
  const navigate = useNavigate();
  const location = useLocation();
  const entries = useSerendipity(chain.id);
  const ideas = useIdeas(chain.id);
  const directory = useChainDirectory(chain.id);
  const { create } = useIdeaMutations(chain.id);
  const [editing, setEditing] = useState<Serendipity | 'new' | null>(null);
  const canWrite = chain.myRole !== 'observer';
  const actorName = (id: string) => directory.data?.actorById.get(id)?.name ?? '…';
  const all = entries.data ?? [];
  const ideasOf = (entryId: string) => (ideas.data ?? []).filter((i) => i.serendipityId === entryId);

  // A link from an idea (`#entry-…`) lands on its encounter.
  useEffect(() => {
    if (!location.hash || !entries.isSuccess) return;
    document.getElementById(location.hash.slice(1))?.scrollIntoView({ block: 'center' });
  }, [location.hash, entries.isSuccess]);

  // An encounter between two actors becomes an introduction, followed on the matchmaking page.
  const queryClient = useQueryClient();
  const introduce = useMutation({
    mutationFn: (body: IntroductionCreate) =>
      api.post<Introduction>(`/chains/${chain.id}/introductions`, body),
    onSuccess: (intro) => {
      void queryClient.invalidateQueries({ queryKey: connectorKeys.introductions(chain.id) });
      notifySuccess(
        t('innovation.journal.introductionCreated', {
          from: actorName(intro.fromActorId),
          to: actorName(intro.toActorId),
        }),
      );
      void navigate(`/chains/${chain.id}/matchmaking`);
    },
  });
  const turnIntoIntroduction = (entry: Serendipity) => {
    const [from, to] = entry.actorIds;
    if (!from || !to) return;
    introduce.mutate({ fromActorId: from, toActorId: to, reason: entry.description, status: 'made' });
  };

  const turnIntoIdea = (entry: Serendipity) => {
    create.reset();
    create.mutate(
      {
        title: titleFromDescription(entry.description),
        description: entry.description,
        actorIds: entry.actorIds,
        serendipityId: entry.id,
        status: 'idea',
      },
      {
        onSuccess: (idea) => {
          notifySuccess(t('innovation.journal.ideaCreated', { title: idea.title }));
          void navigate(`/chains/${chain.id}/innovation?idea=${idea.id}`);
        },
      },
    );
  };

  return (
    <>
      <PageHeader
        title={t('innovation.journal.title')}
        description={t('innovation.journal.intro')}
        actions={
          <>
            <Button
              component={Link}
              to={`/chains/${chain.id}/innovation`}
              variant="default"
              leftSection={<IconFlask size={16} aria-hidden />}
            >
              {t('innovation.journal.toLab')}
            </Button>
            {canWrite && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
                {t('innovation.journal.create')}
              </Button>
            )}
          </>
        }
      />
      {entries.isPending && <PageLoader />}
      {entries.isError && <ErrorAlert error={entries.error} onRetry={() => void entries.refetch()} />}
      {create.error !== null && <ErrorAlert error={create.error} />}
      {entries.isSuccess && all.length === 0 && (
        <EmptyState
          icon={<IconSparkles size={28} />}
          withIndicatorBackground
          title={t('innovation.journal.emptyTitle')}
          description={t('innovation.journal.emptyBody')}
        />
      )}
      {entries.isSuccess && all.length > 0 && (
        <Timeline bulletSize={30} lineWidth={2} data-testid="serendipity-journal">
          {all.map((entry) => {
            const born = ideasOf(entry.id);
            return (
              <Timeline.Item
                key={entry.id}
                bullet={<IconSparkles size={16} aria-hidden />}
                title={
                  <Text component="h2" fw={700} size="md" id={`entry-${entry.id}`}>
                    {format.date(entry.date)}
                  </Text>
                }
                data-testid="serendipity-entry"
              >
                <Stack gap={6} maw={760}>
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {entry.description}
                  </Text>
                  {entry.actorIds.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {t('innovation.journal.actorsLabel')}{' '}
                      {entry.actorIds.map((id, i) => (
                        <span key={id}>
                          {i > 0 && ', '}
                          <Anchor component={Link} to={`/chains/${chain.id}/actors/${id}`} inherit>
                            {actorName(id)}
                          </Anchor>
                        </span>
                      ))}
                    </Text>
                  )}
                  {entry.followUp && (
                    <Text size="sm">
                      <Text span fw={600}>
                        {t('innovation.journal.followUpLabel')}
                      </Text>{' '}
                      {entry.followUp}
                    </Text>
                  )}
                  <Group gap="xs" wrap="wrap">
                    {born.map((idea) => (
                      <Button
                        key={idea.id}
                        component={Link}
                        to={`/chains/${chain.id}/innovation?idea=${idea.id}`}
                        size="xs"
                        variant="light"
                        color="teal"
                        leftSection={<IconBulb size={14} aria-hidden />}
                      >
                        {t('innovation.journal.bornIdea', { title: idea.title })}
                      </Button>
                    ))}
                    {canWrite && born.length === 0 && (
                      <Button
                        size="xs"
                        variant="light"
                        leftSection={<IconBulb size={14} aria-hidden />}
                        loading={create.isPending && create.variables?.serendipityId === entry.id}
                        onClick={() => turnIntoIdea(entry)}
                      >
                        {t('innovation.journal.turnIntoIdea')}
                      </Button>
                    )}
                    {chain.myRole === 'coordinator' && entry.actorIds.length >= 2 && (
                      <Button
                        size="xs"
                        variant="light"
                        color="grape"
                        leftSection={<IconUsersGroup size={14} aria-hidden />}
                        loading={introduce.isPending}
                        onClick={() => turnIntoIntroduction(entry)}
                      >
                        {t('innovation.journal.turnIntoIntroduction')}
                      </Button>
                    )}
                    {canWrite && (
                      <Tooltip label={t('innovation.journal.edit')}>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('innovation.journal.editLabel', { date: format.date(entry.date) })}
                          onClick={() => setEditing(entry)}
                        >
                          <IconPencil size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                </Stack>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
      {editing && (
        <SerendipityFormModal
          chainId={chain.id}
          entry={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
