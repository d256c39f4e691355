import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFlask, IconPlus, IconSparkles } from '@tabler/icons-react';
import type { Idea } from '@tisserand/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../app/api';
import { ErrorAlert, notifySuccess, PageHeader, PageLoader } from '../../app/ui';
import { useCurrentChain } from '../chains/ChainLayout';
import { useCapitalLabel } from '../gaps/api';
import { useChainDirectory } from '../overview/api';
import { useIdeaMutations, useIdeas } from './api';
import { IdeaCard } from './components/IdeaCard';
import { IdeaFormModal } from './components/IdeaFormModal';
import { IDEA_STATUS_COLOR, IDEA_STATUSES, isResult } from './labels';

type Editing = { idea?: Idea; status?: Idea['status'] } | null;

/** `/chains/:chainId/innovation`: the lab as a board, idea → testing → adopted → abandoned. */
export function InnovationPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const ideas = useIdeas(chain.id);
  const directory = useChainDirectory(chain.id);
  const capitalLabel = useCapitalLabel(chain.id);
  const { update } = useIdeaMutations(chain.id);
  const [params] = useSearchParams();
  const focusId = params.get('idea');
  const [editing, setEditing] = useState<Editing>(null);
  const canWrite = chain.myRole !== 'observer';
  const actorName = (id: string) => directory.data?.actorById.get(id)?.name ?? '…';
  const all = ideas.data ?? [];
  const results = all.filter(isResult).length;

  // An idea just born from the journal (`?idea=`): bring its card into view and give it the focus.
  useEffect(() => {
    if (!focusId || !ideas.isSuccess) return;
    const card = document.getElementById(`idea-${focusId}`);
    card?.scrollIntoView({ block: 'center' });
    card?.focus();
  }, [focusId, ideas.isSuccess]);

  const move = (idea: Idea, status: Idea['status']) => {
    // Abandoning asks for the learnings: that is what makes it a result.
    if (status === 'abandoned' && !idea.learnings?.trim()) {
      setEditing({ idea, status });
      return;
    }
    update.mutate(
      { idea, body: { status } },
      {
        onSuccess: (saved) =>
          notifySuccess(
            t('innovation.moved', { title: saved.title, status: t(`innovation.statuses.${saved.status}`) }),
          ),
      },
    );
  };

  return (
    <>
      <PageHeader
        title={t('innovation.title')}
        description={t('innovation.intro')}
        actions={
          <>
            <Button
              component={Link}
              to={`/chains/${chain.id}/serendipity`}
              variant="default"
              leftSection={<IconSparkles size={16} aria-hidden />}
            >
              {t('innovation.toJournal')}
            </Button>
            {canWrite && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({})}>
                {t('innovation.create')}
              </Button>
            )}
          </>
        }
      />
      {ideas.isPending && <PageLoader />}
      {ideas.isError && <ErrorAlert error={ideas.error} onRetry={() => void ideas.refetch()} />}
      {update.error !== null && !isApiError(update.error, 412) && <ErrorAlert error={update.error} />}
      {update.error !== null && isApiError(update.error, 412) && (
        <Text c="orange.8" role="alert" size="sm" mb="sm">
          {t('errors.stale')}
        </Text>
      )}
      {ideas.isSuccess && (
        <Stack gap="md">
          {results > 0 && (
            <Text size="sm" c="teal.9">
              <IconFlask size={14} aria-hidden /> {t('innovation.resultsCount', { count: results })}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" data-testid="innovation-board">
            {IDEA_STATUSES.map((status) => {
              const column = all.filter((i) => i.status === status);
              const headingId = `column-${status}`;
              return (
                <Paper
                  key={status}
                  component="section"
                  aria-labelledby={headingId}
                  p="sm"
                  bg="gray.1"
                  radius="md"
                  data-testid={`column-${status}`}
                >
                  <Group justify="space-between" mb="xs" wrap="nowrap">
                    <Title order={2} size="h5" id={headingId}>
                      {t(`innovation.columns.${status}`)}
                    </Title>
                    <Badge
                      color={IDEA_STATUS_COLOR[status]}
                      variant="outline"
                      bg="white"
                      aria-label={t('innovation.columnCount', { count: column.length })}
                    >
                      {column.length}
                    </Badge>
                  </Group>
                  <Text size="xs" c="dimmed" mb="sm">
                    {t(`innovation.columnHelp.${status}`)}
                  </Text>
                  <Stack gap="sm">
                    {column.length === 0 && (
                      <Text size="sm" c="dimmed" fs="italic">
                        {t('innovation.emptyColumn')}
                      </Text>
                    )}
                    {column.map((idea) => (
                      <IdeaCard
                        key={idea.id}
                        idea={idea}
                        chainId={chain.id}
                        canWrite={canWrite}
                        highlighted={idea.id === focusId}
                        busy={update.isPending && update.variables?.idea.id === idea.id}
                        capitalLabel={capitalLabel}
                        actorName={actorName}
                        onEdit={() => setEditing({ idea })}
                        onStatus={(s) => move(idea, s)}
                      />
                    ))}
                  </Stack>
                </Paper>
              );
            })}
          </SimpleGrid>
        </Stack>
      )}
      {editing && (
        <IdeaFormModal
          chainId={chain.id}
          idea={editing.idea}
          status={editing.status}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
