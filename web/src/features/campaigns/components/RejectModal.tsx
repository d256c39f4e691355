import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import type { Campaign, Indicator } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { useDataFormat } from '../../indicators/format';
import { useReview } from '../api';

const ALL = '';

/** Sends a respondent's submitted values of the period back, with the reason the respondent will read. */
export function RejectModal({
  chainId,
  campaign,
  actor,
  indicators,
  onClose,
}: {
  chainId: string;
  campaign: Campaign;
  actor: { id: string; name: string };
  indicators: Indicator[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useDataFormat();
  const { reject } = useReview(chainId);
  const [reason, setReason] = useState('');
  const [indicatorId, setIndicatorId] = useState<string>(ALL);
  const [missing, setMissing] = useState(false);

  const submit = () => {
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    reject.mutate(
      {
        period: campaign.period,
        actorId: actor.id,
        ...(indicatorId ? { indicatorId } : {}),
        reason: reason.trim(),
      },
      {
        onSuccess: ({ count }) => {
          notifySuccess(t('campaigns.review.rejected', { count, name: actor.name }));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={t('campaigns.review.rejectTitle', { name: actor.name })}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack>
          <Text size="sm">
            {t('campaigns.review.rejectIntro', { name: actor.name, period: format.period(campaign.period) })}
          </Text>
          {reject.isError && <ErrorAlert error={reject.error} />}
          <Select
            label={t('campaigns.review.rejectWhich')}
            data={[
              { value: ALL, label: t('campaigns.review.rejectAll') },
              ...indicators.map((i) => ({ value: i.id, label: i.name })),
            ]}
            value={indicatorId}
            onChange={(v) => setIndicatorId(v ?? ALL)}
            allowDeselect={false}
          />
          <Textarea
            label={t('campaigns.review.reason')}
            description={t('campaigns.review.reasonHelp')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            data-autofocus
            value={reason}
            error={missing && !reason.trim() ? t('errors.required') : undefined}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={reject.isPending}>
              {t('campaigns.review.reject')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
