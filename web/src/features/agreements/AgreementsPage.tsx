import {
  Anchor,
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAlarm, IconFileCertificate, IconPlus } from '@tabler/icons-react';
import type { Agreement } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../app/format';
import { ErrorAlert, PageHeader, PageLoader } from '../../app/ui';
import { BADGE_FIT } from '../actors/labels';
import { useCurrentChain } from '../chains/ChainLayout';
import { useChainDirectory } from '../overview/api';
import { useAgreements } from './api';
import { AgreementStatusBadge } from './components/AgreementBadges';
import { AgreementFormModal } from './components/AgreementFormModal';
import { AGREEMENT_STATUS_ORDER, renewalDue } from './labels';

function AgreementCard({
  agreement,
  chainId,
  actorName,
  myActorId,
}: {
  agreement: Agreement;
  chainId: string;
  actorName: (id: string) => string;
  myActorId: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = `agreement-${agreement.id}-title`;
  const awaitingMe =
    myActorId !== null &&
    (agreement.status === 'draft' || agreement.status === 'negotiation') &&
    agreement.partyActorIds.includes(myActorId) &&
    !agreement.signatures.some((s) => s.actorId === myActorId);
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId} data-testid="agreement-card">
      <Stack gap="sm">
        <Title order={3} size="h5" id={titleId}>
          <Anchor component={Link} to={`/chains/${chainId}/agreements/${agreement.id}`} inherit>
            {agreement.title}
          </Anchor>
        </Title>
        <Group gap="xs" wrap="wrap">
          <AgreementStatusBadge status={agreement.status} />
          <Badge variant="default" style={BADGE_FIT}>
            {t('agreements.versionShort', { version: agreement.termsVersion })}
          </Badge>
          {awaitingMe && (
            <Badge color="orange" variant="outline" style={BADGE_FIT}>
              {t('agreements.awaitingYou')}
            </Badge>
          )}
          {renewalDue(agreement) && (
            <Badge
              color="orange"
              variant="light"
              style={BADGE_FIT}
              leftSection={<IconAlarm size={12} aria-hidden />}
            >
              {t('agreements.renewalDue')}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          <Text span fw={600}>
            {t('agreements.partiesLabel')}
          </Text>{' '}
          {agreement.partyActorIds.map(actorName).join(', ')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('agreements.signedCount', {
            signed: agreement.signatures.length,
            total: agreement.partyActorIds.length,
          })}
          {agreement.expiresOn &&
            ` · ${t('agreements.expiresOnShort', { date: format.date(agreement.expiresOn) })}`}
        </Text>
      </Stack>
    </Card>
  );
}

/** `/chains/:chainId/agreements`: the chain's agreements and conventions, by status. */
export function AgreementsPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const navigate = useNavigate();
  const agreements = useAgreements(chain.id);
  const directory = useChainDirectory(chain.id);
  const [creating, setCreating] = useState(false);
  const isCoordinator = chain.myRole === 'coordinator';
  const myActorId = chain.myRole === 'partner' ? chain.myActorId : null;
  const actorName = (id: string) => directory.data?.actorById.get(id)?.name ?? '…';
  const all = agreements.data ?? [];
  const createButton = isCoordinator && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      {t('agreements.create')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('agreements.title')} description={t('agreements.intro')} actions={createButton} />
      {agreements.isPending && <PageLoader />}
      {agreements.isError && (
        <ErrorAlert error={agreements.error} onRetry={() => void agreements.refetch()} />
      )}
      {agreements.isSuccess && all.length === 0 && (
        <EmptyState
          icon={<IconFileCertificate size={28} />}
          withIndicatorBackground
          title={t('agreements.emptyTitle')}
          description={isCoordinator ? t('agreements.emptyBody') : t('agreements.emptyBodyReader')}
        >
          {createButton && <EmptyState.Actions>{createButton}</EmptyState.Actions>}
        </EmptyState>
      )}
      {agreements.isSuccess && all.length > 0 && (
        <Stack gap="xl">
          {AGREEMENT_STATUS_ORDER.map((status) => {
            const group = all.filter((a) => a.status === status);
            if (group.length === 0) return null;
            return (
              <Stack key={status} gap="sm" component="section" aria-labelledby={`agreements-${status}`}>
                <Title order={2} size="h4" id={`agreements-${status}`}>
                  {t(`agreements.groups.${status}`, { count: group.length })}
                </Title>
                <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
                  {group.map((a) => (
                    <AgreementCard
                      key={a.id}
                      agreement={a}
                      chainId={chain.id}
                      actorName={actorName}
                      myActorId={myActorId}
                    />
                  ))}
                </SimpleGrid>
              </Stack>
            );
          })}
        </Stack>
      )}
      {creating && (
        <AgreementFormModal
          chainId={chain.id}
          initialParties={myActorId ? [myActorId] : []}
          onClose={() => setCreating(false)}
          onSaved={(a) => void navigate(`/chains/${chain.id}/agreements/${a.id}`)}
        />
      )}
    </>
  );
}
