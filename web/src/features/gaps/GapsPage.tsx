import { Badge, Button, Card, Group, Stack, Switch, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { GAP_TYPES, type GapItem } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, notifySuccess, PageHeader, PageLoader } from '../../app/ui';
import { useCurrentChain } from '../chains/ChainLayout';
import { useChainDirectory } from '../overview/api';
import { useCapitalLabel, useGapDismissal, useGaps } from './api';
import { DismissGapModal } from './components/DismissGapModal';
import { GapCard } from './components/GapCard';

/** `/chains/:chainId/gaps`: what is missing or fragile in the chain, by type, with what could fill it. */
export function GapsPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const [showDismissed, setShowDismissed] = useState(false);
  const gaps = useGaps(chain.id, showDismissed);
  const directory = useChainDirectory(chain.id);
  const capitalLabel = useCapitalLabel(chain.id);
  const { restore } = useGapDismissal(chain.id);
  const [dismissing, setDismissing] = useState<GapItem | null>(null);
  const canDismiss = chain.myRole === 'coordinator';
  const items = gaps.data?.items ?? [];
  const open = items.filter((g) => !g.dismissed).length;

  const onRestore = (gap: GapItem) =>
    restore.mutate(gap.key, { onSuccess: () => notifySuccess(t('gaps.restored')) });

  return (
    <>
      <PageHeader
        title={t('gaps.title')}
        description={t('gaps.intro')}
        actions={
          <Switch
            label={t('gaps.showDismissed')}
            checked={showDismissed}
            onChange={(event) => setShowDismissed(event.currentTarget.checked)}
          />
        }
      />
      {gaps.isPending && <PageLoader />}
      {gaps.isError && <ErrorAlert error={gaps.error} onRetry={() => void gaps.refetch()} />}
      {restore.isError && <ErrorAlert error={restore.error} />}
      {gaps.isSuccess && open === 0 && (
        <Card withBorder padding="lg" mb="lg" data-testid="gaps-empty">
          <Group wrap="nowrap" align="flex-start">
            <ThemeIcon color="teal" variant="light" size="lg" aria-hidden>
              <IconCircleCheck size={20} />
            </ThemeIcon>
            <Stack gap={4}>
              <Text fw={600}>{t('gaps.emptyTitle')}</Text>
              <Text size="sm" c="dimmed">
                {t('gaps.emptyBody')}
              </Text>
            </Stack>
          </Group>
        </Card>
      )}
      {gaps.isSuccess && open > 0 && (
        <Text mb="xs" role="status">
          {t('gaps.summary', { count: open })}
        </Text>
      )}
      {items.length > 0 && (
        <Group gap="xs" mb="lg" component="nav" aria-label={t('gaps.jumpTo')}>
          {GAP_TYPES.map((type) => {
            const count = items.filter((g) => g.type === type).length;
            if (count === 0) return null;
            return (
              <Button
                key={type}
                component="a"
                href={`#gap-group-${type}`}
                size="compact-sm"
                variant="default"
              >
                {t(`gaps.types.${type}.title`)} · {count}
              </Button>
            );
          })}
        </Group>
      )}
      <Stack gap="xl">
        {GAP_TYPES.map((type) => {
          const group = items.filter((g) => g.type === type);
          if (group.length === 0) return null;
          const headingId = `gap-group-${type}-title`;
          return (
            <section
              key={type}
              id={`gap-group-${type}`}
              aria-labelledby={headingId}
              data-testid={`gap-group-${type}`}
              style={{ scrollMarginTop: 72 }}
            >
              <Group gap="sm" mb={4}>
                <Title order={2} size="h4" id={headingId}>
                  {t(`gaps.types.${type}.title`)}
                </Title>
                <Badge variant="default">{group.length}</Badge>
              </Group>
              <Text size="sm" c="dimmed" mb="sm">
                {t(`gaps.types.${type}.definition`)}
              </Text>
              <Stack gap="sm">
                {group.map((gap) => (
                  <GapCard
                    key={gap.key}
                    gap={gap}
                    chainId={chain.id}
                    directory={directory.data}
                    capitalLabel={capitalLabel}
                    canDismiss={canDismiss}
                    onDismiss={setDismissing}
                    onRestore={onRestore}
                    restoring={restore.isPending && restore.variables === gap.key}
                  />
                ))}
              </Stack>
            </section>
          );
        })}
      </Stack>
      {dismissing && (
        <DismissGapModal chainId={chain.id} gap={dismissing} onClose={() => setDismissing(null)} />
      )}
    </>
  );
}
