import { ActionIcon, List, Stack, Text, Tooltip } from '@mantine/core';
import { IconEraser, IconFileDownload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Contact } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_BASE, api } from '../../../app/api';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { useCurrentChain } from '../../chains/ChainLayout';
import { metaKeys } from '../../overview/api';
import { ConfirmModal } from './ConfirmModal';

/**
 * A contact's rights (docs/personal-data.md): download everything held about them (whoever sees the
 * contacts), and erase them for good (coordinators): the contact goes, its history stays pseudonymised.
 */
export function ContactPersonalDataActions({
  chainId,
  actorId,
  contact,
}: {
  chainId: string;
  actorId: string;
  contact: Contact;
}) {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const url = `/chains/${encodeURIComponent(chainId)}/actors/${encodeURIComponent(actorId)}/contacts/${encodeURIComponent(contact.id)}/personal-data`;
  const erase = useMutation({
    mutationFn: () => api.delete(url, contact.version),
    onSettled: () => queryClient.invalidateQueries({ queryKey: metaKeys.actors(chainId) }),
  });
  return (
    <>
      <Tooltip label={t('actors.contacts.personalData.export')}>
        <ActionIcon
          variant="subtle"
          component="a"
          href={`${API_BASE}${url}`}
          // The server names the file; `download` keeps the page where it is.
          download
          aria-label={t('actors.contacts.personalData.exportLabel', { name: contact.name })}
        >
          <IconFileDownload size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
      {chain.myRole === 'coordinator' && (
        <Tooltip label={t('actors.contacts.personalData.erase')}>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('actors.contacts.personalData.eraseLabel', { name: contact.name })}
            onClick={() => {
              erase.reset();
              setConfirming(true);
            }}
          >
            <IconEraser size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      )}
      {confirming && (
        <ConfirmModal
          title={t('actors.contacts.personalData.eraseTitle', { name: contact.name })}
          body={
            <Stack gap="xs">
              <Text size="sm" fw={500}>
                {t('actors.contacts.personalData.irreversible')}
              </Text>
              <List size="sm" spacing={4}>
                <List.Item>{t('actors.contacts.personalData.removed')}</List.Item>
                <List.Item>{t('actors.contacts.personalData.kept')}</List.Item>
                <List.Item>{t('actors.contacts.personalData.freeText')}</List.Item>
              </List>
              <Text size="sm" c="dimmed">
                {t('actors.contacts.personalData.exportFirst')}
              </Text>
            </Stack>
          }
          confirmLabel={t('actors.contacts.personalData.erase')}
          loading={erase.isPending}
          error={erase.error ? <ErrorAlert error={erase.error} /> : null}
          onClose={() => setConfirming(false)}
          onConfirm={() =>
            erase.mutate(undefined, {
              onSuccess: () => {
                notifySuccess(t('actors.contacts.personalData.erased'));
                setConfirming(false);
              },
            })
          }
        />
      )}
    </>
  );
}
