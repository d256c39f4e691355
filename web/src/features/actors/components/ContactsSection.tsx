import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { Contact } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api';
import { useServerErrors } from '../../../app/forms';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { useContactMutations, useContacts } from '../api';
import { ConfirmModal, DeleteError } from './ConfirmModal';
import { ContactPersonalDataActions } from './ContactPersonalData';

interface ContactValues extends Record<string, unknown> {
  name: string;
  role: string;
  email: string;
  phone: string;
}

function ContactModal({
  chainId,
  actorId,
  contact,
  onClose,
}: {
  chainId: string;
  actorId: string;
  contact: Contact | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { create, update } = useContactMutations(chainId, actorId);
  const form = useForm<ContactValues>({
    initialValues: {
      name: contact?.name ?? '',
      role: contact?.role ?? '',
      email: contact?.email ?? '',
      phone: contact?.phone ?? '',
    },
    validate: {
      name: (v) => (v.trim() ? null : t('errors.required')),
      email: (v) => (!v.trim() || /^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('errors.email')),
    },
  });
  const server = useServerErrors(form);
  const [stale, setStale] = useState(false);
  const submit = form.onSubmit((v) => {
    server.clear();
    const onError = (error: unknown) => {
      if (isApiError(error, 412)) setStale(true);
      else server.handle(error);
    };
    const onSuccess = () => {
      notifySuccess(t('actors.contacts.saved'));
      onClose();
    };
    const blank = (s: string) => s.trim() || null;
    if (contact) {
      update.mutate(
        {
          contact,
          body: { name: v.name.trim(), role: blank(v.role), email: blank(v.email), phone: blank(v.phone) },
        },
        { onSuccess, onError },
      );
    } else {
      create.mutate(
        {
          name: v.name.trim(),
          role: blank(v.role) ?? undefined,
          email: blank(v.email) ?? undefined,
          phone: blank(v.phone) ?? undefined,
        },
        { onSuccess, onError },
      );
    }
  });
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      title={contact ? t('actors.contacts.editTitle', { name: contact.name }) : t('actors.contacts.addTitle')}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {stale && (
            <Text c="orange.8" role="alert" size="sm">
              {t('errors.stale')}
            </Text>
          )}
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <TextInput
            label={t('actors.contacts.name')}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <TextInput label={t('actors.contacts.role')} {...form.getInputProps('role')} />
          <TextInput label={t('actors.contacts.email')} type="email" {...form.getInputProps('email')} />
          <TextInput label={t('actors.contacts.phone')} type="tel" {...form.getInputProps('phone')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={stale}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The people to talk to at an actor: personal data, shown to coordinators and the actor's own partner only. */
export function ContactsSection({
  chainId,
  actorId,
  actorName,
}: {
  chainId: string;
  actorId: string;
  actorName: string;
}) {
  const { t } = useTranslation();
  const contacts = useContacts(chainId, actorId, true);
  const { remove } = useContactMutations(chainId, actorId);
  const [editing, setEditing] = useState<Contact | null | 'new'>(null);
  const [deleting, setDeleting] = useState<Contact | null>(null);
  // Anyone else is refused (403): the section is simply not there for them.
  if (contacts.isError && isApiError(contacts.error, 403, 404)) return null;
  const rows = contacts.data?.items ?? [];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="contacts-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="contacts-title">
          {t('actors.contacts.title')}
        </Title>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => setEditing('new')}
        >
          {t('actors.contacts.add')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('actors.contacts.privacy')}
      </Text>
      {contacts.isError && <ErrorAlert error={contacts.error} onRetry={() => void contacts.refetch()} />}
      {contacts.isSuccess && rows.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('actors.contacts.empty')}
        </Text>
      )}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table aria-label={t('actors.contacts.tableLabel', { name: actorName })} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('actors.contacts.name')}</Table.Th>
                <Table.Th scope="col">{t('actors.contacts.role')}</Table.Th>
                <Table.Th scope="col">{t('actors.contacts.email')}</Table.Th>
                <Table.Th scope="col">{t('actors.contacts.phone')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('common.actions')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" fw={500}>
                    {c.name}
                  </Table.Th>
                  <Table.Td>{c.role ?? t('common.none')}</Table.Td>
                  <Table.Td>
                    {c.email ? <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor> : t('common.none')}
                  </Table.Td>
                  <Table.Td>
                    {c.phone ? <Anchor href={`tel:${c.phone}`}>{c.phone}</Anchor> : t('common.none')}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <ContactPersonalDataActions chainId={chainId} actorId={actorId} contact={c} />
                      <Tooltip label={t('actors.editShort')}>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('actors.contacts.editLabel', { name: c.name })}
                          onClick={() => setEditing(c)}
                        >
                          <IconPencil size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('common.delete')}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('actors.contacts.deleteLabel', { name: c.name })}
                          onClick={() => {
                            remove.reset();
                            setDeleting(c);
                          }}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing !== null && (
        <ContactModal
          chainId={chainId}
          actorId={actorId}
          contact={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmModal
          title={t('actors.contacts.deleteTitle', { name: deleting.name })}
          body={t('actors.contacts.deleteBody')}
          confirmLabel={t('common.delete')}
          loading={remove.isPending}
          error={<DeleteError error={remove.error} />}
          onClose={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting, {
              onSuccess: () => {
                notifySuccess(t('actors.contacts.deleted'));
                setDeleting(null);
              },
            })
          }
        />
      )}
    </Card>
  );
}
