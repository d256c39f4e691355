import { Anchor, Badge, Button, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconPencil, IconX } from '@tabler/icons-react';
import type { Campaign, CompletionItem } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BADGE_FIT } from '../../actors/labels';
import { useDataFormat } from '../../indicators/format';
import { todayIso } from '../model';

/** A respondent that has not sent every expected value once the due date has passed. */
export function isLateRespondent(campaign: Campaign, item: CompletionItem): boolean {
  return campaign.dueDate < todayIso() && item.submitted < item.expected;
}

/** One labelled progress bar: "2 / 3" then the bar (the text says it, the bar shows it). */
function Ratio({
  value,
  total,
  color,
  label,
}: {
  value: number;
  total: number;
  color: string;
  label: string;
}) {
  const format = useDataFormat();
  const pct = total > 0 ? Math.min(100, (value / total) * 100) : 0;
  return (
    <Stack gap={2} miw={120}>
      <Text size="xs">
        {format.number(value)} / {format.number(total)}
      </Text>
      <Progress value={pct} color={color} size="sm" aria-label={label} />
    </Stack>
  );
}

/** Who answered the campaign: values expected, sent and approved per respondent; late ones stand out. */
export function CompletionTable({
  chainId,
  campaign,
  items,
  nameOf,
  onEnter,
  onApprove,
  onReject,
  onReopen,
  busyActorId,
}: {
  chainId: string;
  campaign: Campaign;
  items: CompletionItem[];
  nameOf: (actorId: string) => string;
  onEnter: (actorId: string) => void;
  onApprove: (actorId: string) => void;
  onReject: (actorId: string) => void;
  onReopen: (actorId: string) => void;
  busyActorId: string | null;
}) {
  const { t } = useTranslation();
  const sorted = [...items].sort((a, b) => nameOf(a.actorId).localeCompare(nameOf(b.actorId)));
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" data-testid="completion-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('campaigns.completion.respondent')}</Table.Th>
            <Table.Th scope="col">{t('campaigns.completion.submitted')}</Table.Th>
            <Table.Th scope="col">{t('campaigns.completion.approved')}</Table.Th>
            <Table.Th scope="col">{t('campaigns.completion.drafts')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((item) => {
            const name = nameOf(item.actorId);
            const late = isLateRespondent(campaign, item);
            const complete = item.expected > 0 && item.submitted >= item.expected;
            const toApprove = item.submitted - item.approved;
            const busy = busyActorId === item.actorId;
            return (
              <Table.Tr
                key={item.actorId}
                data-testid="completion-row"
                data-actor={name}
                data-late={late ? 'true' : undefined}
                bg={late ? 'var(--mantine-color-orange-0)' : undefined}
              >
                <Table.Td>
                  <Stack gap={2}>
                    <Anchor
                      component={Link}
                      to={`/chains/${chainId}/actors/${item.actorId}`}
                      fw={500}
                      size="sm"
                    >
                      {name}
                    </Anchor>
                    <Group gap={4}>
                      {late && (
                        <Badge color="orange" variant="filled" size="sm" style={BADGE_FIT}>
                          {t('campaigns.completion.late')}
                        </Badge>
                      )}
                      {complete && (
                        <Badge
                          color="teal"
                          variant="light"
                          size="sm"
                          style={BADGE_FIT}
                          data-testid="complete-badge"
                        >
                          {t('campaigns.completion.complete')}
                        </Badge>
                      )}
                      {item.expected === 0 && (
                        <Text size="xs" c="dimmed">
                          {t('campaigns.completion.nothingExpected')}
                        </Text>
                      )}
                    </Group>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Ratio
                    value={item.submitted}
                    total={item.expected}
                    color={late ? 'orange' : 'blue'}
                    label={t('campaigns.completion.submittedOf', {
                      name,
                      count: item.submitted,
                      total: item.expected,
                    })}
                  />
                </Table.Td>
                <Table.Td>
                  <Ratio
                    value={item.approved}
                    total={item.expected}
                    color="teal"
                    label={t('campaigns.completion.approvedOf', {
                      name,
                      count: item.approved,
                      total: item.expected,
                    })}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{item.drafts}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="default"
                      leftSection={<IconPencil size={14} aria-hidden />}
                      onClick={() => onEnter(item.actorId)}
                      aria-label={t('campaigns.completion.enterFor', { name })}
                    >
                      {t('campaigns.completion.enter')}
                    </Button>
                    {toApprove > 0 && (
                      <Button
                        size="compact-sm"
                        color="teal"
                        leftSection={<IconCheck size={14} aria-hidden />}
                        loading={busy}
                        onClick={() => onApprove(item.actorId)}
                        aria-label={t('campaigns.completion.approveFor', { name })}
                      >
                        {t('campaigns.completion.approve')}
                      </Button>
                    )}
                    {toApprove > 0 && (
                      <Button
                        size="compact-sm"
                        variant="light"
                        color="red"
                        leftSection={<IconX size={14} aria-hidden />}
                        onClick={() => onReject(item.actorId)}
                        aria-label={t('campaigns.completion.rejectFor', { name })}
                      >
                        {t('campaigns.completion.reject')}
                      </Button>
                    )}
                    {item.approved > 0 && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        leftSection={<IconArrowBackUp size={14} aria-hidden />}
                        loading={busy}
                        onClick={() => onReopen(item.actorId)}
                        aria-label={t('campaigns.completion.reopenFor', { name })}
                      >
                        {t('campaigns.completion.reopen')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
