import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlarm, IconPencil, IconTrash } from '@tabler/icons-react';
import type { Agreement } from '@tisserand/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useFormat } from '../../app/format';
import { BackLink, notifySuccess, PageHeader, QueryBoundary } from '../../app/ui';
import { ConfirmModal, DeleteError } from '../actors/components/ConfirmModal';
import { useCurrentChain } from '../chains/ChainLayout';
import { useChainDirectory } from '../overview/api';
import { useAgreement, useDeleteAgreement } from './api';
import { AgreementStatusBadge } from './components/AgreementBadges';
import { AgreementFormModal } from './components/AgreementFormModal';
import { SignaturesSection } from './components/SignaturesSection';
import { Terms } from './components/Terms';
import { VersionsSection } from './components/VersionsSection';
import { daysUntil, renewalDue } from './labels';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text component="dt" size="xs" tt="uppercase" fw={700} c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} size="sm">
        {children}
      </Text>
    </Stack>
  );
}

function AgreementBody({ agreement, back }: { agreement: Agreement; back: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const chain = useCurrentChain();
  const navigate = useNavigate();
  const directory = useChainDirectory(chain.id);
  const remove = useDeleteAgreement(chain.id);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const isCoordinator = chain.myRole === 'coordinator';
  const actorName = (id: string) => directory.data?.actorById.get(id)?.name ?? '…';
  return (
    <>
      {back}
      <PageHeader
        title={agreement.title}
        actions={
          isCoordinator && (
            <>
              <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                {t('agreements.edit')}
              </Button>
              <Button
                color="red"
                variant="outline"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => {
                  remove.reset();
                  setDeleting(true);
                }}
              >
                {t('common.delete')}
              </Button>
            </>
          )
        }
      />
      <Stack gap="lg">
        <Group gap="xs" mt={-8}>
          <AgreementStatusBadge status={agreement.status} />
          <Text size="sm" c="dimmed">
            {t('agreements.versionOf', { version: agreement.termsVersion })}
          </Text>
        </Group>
        {renewalDue(agreement) && agreement.expiresOn && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlarm aria-hidden />}
            title={t('agreements.renewalTitle')}
          >
            {t('agreements.renewalBody', {
              count: daysUntil(agreement.expiresOn),
              date: format.date(agreement.expiresOn),
            })}
          </Alert>
        )}
        <Card withBorder padding="lg" component="section" aria-labelledby="agreement-facts">
          <Title order={2} size="h4" id="agreement-facts" mb="sm">
            {t('agreements.facts')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0}>
            <Fact label={t('agreements.fields.parties')}>
              {agreement.partyActorIds.map((id, i) => (
                <span key={id}>
                  {i > 0 && ', '}
                  <Anchor component={Link} to={`/chains/${chain.id}/actors/${id}`} inherit>
                    {actorName(id)}
                  </Anchor>
                </span>
              ))}
            </Fact>
            <Fact label={t('agreements.fields.effectiveFrom')}>
              {agreement.effectiveFrom ? format.date(agreement.effectiveFrom) : t('agreements.notSet')}
            </Fact>
            <Fact label={t('agreements.fields.expiresOn')}>
              {agreement.expiresOn ? format.date(agreement.expiresOn) : t('agreements.noExpiry')}
            </Fact>
          </SimpleGrid>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="terms-title">
          <Title order={2} size="h4" id="terms-title" mb="sm">
            {t('agreements.termsTitle', { version: agreement.termsVersion })}
          </Title>
          <Terms markdown={agreement.terms} />
        </Card>
        <SignaturesSection chain={chain} agreement={agreement} actorName={actorName} />
        <VersionsSection chainId={chain.id} agreement={agreement} actorName={actorName} />
      </Stack>
      {editing && (
        <AgreementFormModal chainId={chain.id} agreement={agreement} onClose={() => setEditing(false)} />
      )}
      {deleting && (
        <ConfirmModal
          title={t('agreements.deleteTitle', { title: agreement.title })}
          body={t('agreements.deleteBody')}
          confirmLabel={t('common.delete')}
          loading={remove.isPending}
          error={<DeleteError error={remove.error} />}
          onClose={() => setDeleting(false)}
          onConfirm={() =>
            remove.mutate(agreement, {
              onSuccess: () => {
                notifySuccess(t('agreements.deleted', { title: agreement.title }));
                void navigate(`/chains/${chain.id}/agreements`, { replace: true });
              },
            })
          }
        />
      )}
    </>
  );
}

/** `/chains/:chainId/agreements/:agreementId`: an agreement's terms, signatures and versions. */
export function AgreementPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const { agreementId = '' } = useParams();
  const agreement = useAgreement(chain.id, agreementId);
  const back = <BackLink to={`/chains/${chain.id}/agreements`} label={t('agreements.back')} />;
  return (
    <QueryBoundary query={agreement} back={back}>
      {(data) => <AgreementBody agreement={data} back={back} />}
    </QueryBoundary>
  );
}
