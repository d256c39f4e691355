import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { IconPencil, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { type Member, type MemberRole, MemberRole as MemberRoleSchema } from '@tisserand/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { useServerErrors } from '../../app/forms';
import { useUser } from '../../app/session';
import { ErrorAlert, notifySuccess, PageHeader, PageLoader } from '../../app/ui';
import { useCurrentChain } from '../chains/ChainLayout';
import { useAddMember, useMembers, useRemoveMember, useUpdateMember } from './api';

const ROLES = MemberRoleSchema.options;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isRole(value: string | null): value is MemberRole {
  return ROLES.some((role) => role === value);
}

function roleOptions(t: TFunction) {
  return ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}

interface MemberFormValues extends Record<string, unknown> {
  email: string;
  role: MemberRole;
  actorId: string;
}

/** The actor id is a UUID typed by hand until the actors API lets one pick an actor. */
function actorIdRule(t: TFunction) {
  return (value: string, values: { role: MemberRole }) => {
    if (values.role !== 'partner') return value.trim() && !UUID.test(value.trim()) ? t('errors.uuid') : null;
    if (!value.trim()) return t('errors.required');
    return UUID.test(value.trim()) ? null : t('errors.uuid');
  };
}

function RoleAndActorFields({ form }: { form: UseFormReturnType<MemberFormValues> }) {
  const { t } = useTranslation();
  const values = form.getValues();
  return (
    <>
      <Select
        label={t('members.fields.role')}
        data={roleOptions(t)}
        allowDeselect={false}
        value={values.role}
        error={form.errors.role}
        onChange={(value) => {
          if (isRole(value)) form.setFieldValue('role', value);
        }}
      />
      {values.role === 'partner' && (
        <TextInput
          label={t('members.fields.actorId')}
          description={t('members.fields.actorIdHelp')}
          required
          spellCheck={false}
          autoComplete="off"
          {...form.getInputProps('actorId')}
        />
      )}
    </>
  );
}

function AddMemberModal({
  chainId,
  opened,
  onClose,
}: {
  chainId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddMember(chainId);
  const form = useForm<MemberFormValues>({
    initialValues: { email: '', role: 'observer', actorId: '' },
    validate: {
      email: (value) =>
        !value.trim() ? t('errors.required') : /^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('errors.email'),
      actorId: actorIdRule(t),
    },
  });
  // "No such user" and "already a member" name `userId`: the person the e-mail stands for.
  const server = useServerErrors(form, { userId: 'email' });

  const submit = form.onSubmit((values) => {
    server.clear();
    add.mutate(
      {
        email: values.email.trim(),
        role: values.role,
        actorId: values.role === 'partner' ? values.actorId.trim() : undefined,
      },
      {
        onSuccess: (member) => {
          notifySuccess(t('members.added', { name: member.name }));
          form.reset();
          onClose();
        },
        onError: server.handle,
      },
    );
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('members.addTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('members.addIntro')}
          </Text>
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <TextInput
            label={t('members.fields.email')}
            type="email"
            required
            autoComplete="off"
            data-autofocus
            {...form.getInputProps('email')}
          />
          <RoleAndActorFields form={form} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('members.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function EditMemberModal({
  chainId,
  member,
  onClose,
}: {
  chainId: string;
  member: Member;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateMember(chainId);
  const form = useForm<MemberFormValues>({
    initialValues: { email: member.email, role: member.role, actorId: member.actorId ?? '' },
    validate: { actorId: actorIdRule(t) },
  });
  const server = useServerErrors(form);
  const [stale, setStale] = useState(false);

  const submit = form.onSubmit((values) => {
    server.clear();
    setStale(false);
    const actorId = values.role === 'partner' ? values.actorId.trim() : null;
    update.mutate(
      { member, body: { role: values.role, actorId } },
      {
        onSuccess: (updated) => {
          notifySuccess(t('members.updated', { name: updated.name, role: t(`roles.${updated.role}`) }));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error, 412)) setStale(true);
          else server.handle(error);
        },
      },
    );
  });

  return (
    <Modal opened onClose={onClose} title={t('members.editTitle', { name: member.name })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {stale && (
            <Alert color="orange" variant="light" role="alert">
              {t('errors.stale')}
            </Alert>
          )}
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <RoleAndActorFields form={form} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={stale}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RemoveMemberModal({
  chainId,
  member,
  onClose,
}: {
  chainId: string;
  member: Member;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const remove = useRemoveMember(chainId);
  return (
    <Modal opened onClose={onClose} title={t('members.removeTitle', { name: member.name })}>
      <Stack>
        <Text size="sm">{t('members.removeBody', { name: member.name })}</Text>
        {remove.isError && <ErrorAlert error={remove.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(member, {
                onSuccess: () => {
                  notifySuccess(t('members.removed', { name: member.name }));
                  onClose();
                },
              })
            }
          >
            {t('members.removeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** `/chains/:chainId/members`: who has access, with which role; coordinators add, change and remove. */
export function MembersPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const me = useUser();
  const members = useMembers(chain.id);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Member | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const canManage = chain.myRole === 'coordinator';
  const rows = members.data?.pages.flatMap((page) => page.items) ?? [];
  const showEmail = rows.some((m) => m.email !== '');

  return (
    <>
      <PageHeader
        title={t('members.title')}
        description={t('members.intro')}
        actions={
          canManage && (
            <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
              {t('members.add')}
            </Button>
          )
        }
      />
      {members.isPending && <PageLoader />}
      {members.isError && <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />}
      {members.isSuccess && rows.length === 0 && <Text c="dimmed">{t('members.empty')}</Text>}
      {rows.length > 0 && (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="members-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('members.columns.name')}</Table.Th>
                  {showEmail && <Table.Th scope="col">{t('members.columns.email')}</Table.Th>}
                  <Table.Th scope="col">{t('members.columns.role')}</Table.Th>
                  <Table.Th scope="col">{t('members.columns.actorId')}</Table.Th>
                  {canManage && (
                    <Table.Th scope="col" ta="right">
                      {t('common.actions')}
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((member) => (
                  <Table.Tr key={member.userId}>
                    <Table.Th scope="row" fw={500}>
                      {member.name}
                      {member.userId === me.id && (
                        <Text component="span" c="dimmed" size="sm">
                          {' '}
                          ({t('members.you')})
                        </Text>
                      )}
                    </Table.Th>
                    {showEmail && <Table.Td>{member.email || t('common.none')}</Table.Td>}
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge
                        variant="light"
                        color={
                          member.role === 'coordinator'
                            ? 'teal'
                            : member.role === 'partner'
                              ? 'grape'
                              : 'gray'
                        }
                      >
                        {t(`roles.${member.role}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{member.actorId ? <Code>{member.actorId}</Code> : t('common.none')}</Table.Td>
                    {canManage && (
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Tooltip label={t('members.edit')}>
                            <ActionIcon
                              variant="subtle"
                              aria-label={t('members.editLabel', { name: member.name })}
                              onClick={() => setEditing(member)}
                            >
                              <IconPencil size={18} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label={t('members.remove')}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t('members.removeLabel', { name: member.name })}
                              onClick={() => setRemoving(member)}
                            >
                              <IconTrash size={18} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {members.hasNextPage && (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            onClick={() => void members.fetchNextPage()}
            loading={members.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
      {canManage && <AddMemberModal chainId={chain.id} opened={adding} onClose={() => setAdding(false)} />}
      {canManage && editing && (
        <EditMemberModal chainId={chain.id} member={editing} onClose={() => setEditing(null)} />
      )}
      {canManage && removing && (
        <RemoveMemberModal chainId={chain.id} member={removing} onClose={() => setRemoving(null)} />
      )}
    </>
  );
}
