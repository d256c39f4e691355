import { Anchor, Button, Card, Group, Select, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed, IconSignature } from '@tabler/icons-react';
import type { Agreement, Chain } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../app/api';
import { useFormat } from '../../../app/format';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { useSignAgreement } from '../api';

/**
 * Who has signed the current version of the terms (and when), who has not; "Sign for my actor"
 * for a partner who is a party, and for coordinators a way to record a party's signature.
 */
export function SignaturesSection({
  chain,
  agreement,
  actorName,
}: {
  chain: Chain;
  agreement: Agreement;
  actorName: (id: string) => string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const sign = useSignAgreement(chain.id, agreement.id);
  const [recordFor, setRecordFor] = useState<string | null>(null);
  const signedBy = new Map(agreement.signatures.map((s) => [s.actorId, s]));
  const unsigned = agreement.partyActorIds.filter((id) => !signedBy.has(id));
  const signable = agreement.status === 'draft' || agreement.status === 'negotiation';
  const myActorId = chain.myActorId;
  const canSignMine =
    signable &&
    chain.myRole === 'partner' &&
    myActorId !== null &&
    agreement.partyActorIds.includes(myActorId) &&
    !signedBy.has(myActorId);
  const canRecord = signable && chain.myRole === 'coordinator' && unsigned.length > 0;

  const submit = (actorId: string, mine: boolean) => {
    sign.reset();
    sign.mutate(actorId, {
      onSuccess: () => {
        notifySuccess(
          mine
            ? t('agreements.signatures.signed', { version: agreement.termsVersion })
            : t('agreements.signatures.recorded', { actor: actorName(actorId) }),
        );
        setRecordFor(null);
      },
    });
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="signatures-title">
      <Title order={2} size="h4" id="signatures-title" mb={4}>
        {t('agreements.signatures.title', { version: agreement.termsVersion })}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('agreements.signatures.intro', {
          signed: agreement.signatures.length,
          total: agreement.partyActorIds.length,
        })}
      </Text>
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="signatures">
        {agreement.partyActorIds.map((id) => {
          const sig = signedBy.get(id);
          return (
            <Group component="li" key={id} gap="sm" wrap="nowrap" data-testid="party-signature">
              <ThemeIcon variant="light" color={sig ? 'teal' : 'gray'} size="md" radius="xl" aria-hidden>
                {sig ? <IconCircleCheck size={18} /> : <IconCircleDashed size={18} />}
              </ThemeIcon>
              <Stack gap={0}>
                <Anchor component={Link} to={`/chains/${chain.id}/actors/${id}`} size="sm" fw={600}>
                  {actorName(id)}
                </Anchor>
                <Text size="xs" c={sig ? undefined : 'dimmed'}>
                  {sig
                    ? t('agreements.signatures.signedOn', {
                        date: format.dateTime(sig.signedAt),
                        version: sig.termsVersion,
                      })
                    : t('agreements.signatures.notYet')}
                </Text>
              </Stack>
            </Group>
          );
        })}
      </Stack>
      {(canSignMine || canRecord) && (
        <Stack gap="sm" mt="md">
          {sign.error !== null &&
            (isApiError(sign.error, 409) ? (
              <Text size="sm" c="orange.8" role="alert">
                {t('agreements.signatures.conflict')}
              </Text>
            ) : (
              <ErrorAlert error={sign.error} />
            ))}
          {canSignMine && myActorId && (
            <Button
              w="fit-content"
              leftSection={<IconSignature size={16} aria-hidden />}
              loading={sign.isPending}
              onClick={() => submit(myActorId, true)}
            >
              {t('agreements.signatures.signFor', { actor: actorName(myActorId) })}
            </Button>
          )}
          {canRecord && (
            <Group align="flex-end" gap="sm">
              <Select
                label={t('agreements.signatures.recordFor')}
                placeholder={t('agreements.signatures.recordPlaceholder')}
                data={unsigned.map((id) => ({ value: id, label: actorName(id) }))}
                value={recordFor}
                onChange={setRecordFor}
                w={280}
              />
              <Button
                variant="light"
                leftSection={<IconSignature size={16} aria-hidden />}
                disabled={!recordFor}
                loading={sign.isPending}
                onClick={() => recordFor && submit(recordFor, false)}
              >
                {t('agreements.signatures.record')}
              </Button>
            </Group>
          )}
          {canRecord && (
            <Text size="xs" c="dimmed">
              {t('agreements.signatures.recordNote')}
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}
