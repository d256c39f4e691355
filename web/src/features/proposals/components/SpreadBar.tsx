import { Anchor, Box, ColorSwatch, Group, Progress, Stack, Text } from '@mantine/core';
import type { Proposal } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { POSITION_COLOR, POSITIONS } from '../labels';

const percent = (share: number) => Math.round(share * 100);

/**
 * The standing positions as one horizontal stacked bar (agree, abstain, disagree, block, then
 * those who have not answered), the quorum as a line across it, a legend with the counts, the
 * same in a sentence, and the names of those who have not answered.
 */
export function SpreadBar({
  proposal,
  actorName,
  chainId,
}: {
  proposal: Proposal;
  actorName: (id: string) => string;
  chainId: string;
}) {
  const { t } = useTranslation();
  const { counts, missing } = proposal.spread;
  const total = proposal.participantActorIds.length;
  const responses = total - missing.length;
  const share = total === 0 ? 0 : responses / total;
  const reached = share >= proposal.quorum - 1e-9;
  const summary = t('proposals.spread.summary', {
    agree: counts.agree,
    abstain: counts.abstain,
    disagree: counts.disagree,
    block: counts.block,
    missing: missing.length,
  });
  const width = (n: number) => (total === 0 ? 0 : (n / total) * 100);
  return (
    <Stack gap="sm" data-testid="spread">
      <Box pos="relative" pb={22}>
        <Progress.Root size={28} radius="sm" role="img" aria-label={summary} data-testid="spread-bar">
          {POSITIONS.map((p) =>
            counts[p] > 0 ? (
              <Progress.Section key={p} value={width(counts[p])} color={POSITION_COLOR[p]} withAria={false}>
                <Progress.Label aria-hidden>{counts[p]}</Progress.Label>
              </Progress.Section>
            ) : null,
          )}
          {missing.length > 0 && (
            <Progress.Section value={width(missing.length)} color="gray.3" striped withAria={false}>
              <Progress.Label c="dark" aria-hidden>
                {missing.length}
              </Progress.Label>
            </Progress.Section>
          )}
        </Progress.Root>
        <Box
          aria-hidden
          pos="absolute"
          top={-4}
          h={36}
          style={{
            left: `${percent(proposal.quorum)}%`,
            borderLeft: '3px dashed var(--mantine-color-dark-6)',
          }}
        />
        <Text
          aria-hidden
          size="xs"
          fw={600}
          pos="absolute"
          top={34}
          style={{
            left: `${percent(proposal.quorum)}%`,
            transform: proposal.quorum > 0.85 ? 'translateX(-100%)' : 'translateX(-50%)',
            whiteSpace: 'nowrap',
          }}
        >
          {t('proposals.spread.quorumMark', { percent: percent(proposal.quorum) })}
        </Text>
      </Box>
      <Group
        gap="md"
        component="ul"
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
        aria-label={t('proposals.spread.legend')}
      >
        {POSITIONS.map((p) => (
          <Group component="li" key={p} gap={6} wrap="nowrap" data-testid={`spread-${p}`}>
            <ColorSwatch color={`var(--mantine-color-${POSITION_COLOR[p]}-6)`} size={14} aria-hidden />
            <Text size="sm">
              {t('proposals.spread.legendItem', { label: t(`proposals.positions.${p}`), count: counts[p] })}
            </Text>
          </Group>
        ))}
        <Group component="li" gap={6} wrap="nowrap" data-testid="spread-missing">
          <ColorSwatch color="var(--mantine-color-gray-3)" size={14} aria-hidden />
          <Text size="sm">
            {t('proposals.spread.legendItem', {
              label: t('proposals.spread.noAnswer'),
              count: missing.length,
            })}
          </Text>
        </Group>
      </Group>
      <Text size="sm" data-testid="spread-sentence">
        {t('proposals.spread.responses', { count: responses, total, percent: percent(share) })}{' '}
        {reached
          ? t('proposals.spread.quorumReached', { percent: percent(proposal.quorum) })
          : t('proposals.spread.quorumNotReached', { percent: percent(proposal.quorum) })}
        {counts.block > 0 && ` ${t('proposals.spread.blockStands', { count: counts.block })}`}
      </Text>
      <Stack gap={4}>
        <Text size="sm" fw={600} id="missing-title">
          {proposal.status === 'closed'
            ? t('proposals.spread.missingTitleClosed', { count: missing.length })
            : t('proposals.spread.missingTitle', { count: missing.length })}
        </Text>
        {missing.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('proposals.spread.everyoneAnswered')}
          </Text>
        ) : (
          <Group
            gap="xs"
            component="ul"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            aria-labelledby="missing-title"
            data-testid="missing-list"
          >
            {missing.map((id, i) => (
              <li key={id}>
                <Anchor component={Link} to={`/chains/${chainId}/actors/${id}`} size="sm">
                  {actorName(id)}
                </Anchor>
                {i < missing.length - 1 && ','}
              </li>
            ))}
          </Group>
        )}
      </Stack>
    </Stack>
  );
}
