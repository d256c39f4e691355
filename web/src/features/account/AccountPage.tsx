import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCheck, IconCopy, IconKey, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type Locale, PASSWORD_MAX, PASSWORD_MIN, type Token } from '@tisserand/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { useServerErrors } from '../../app/forms';
import { changeLanguage, LANGUAGES } from '../../app/i18n';
import { SESSION_KEY, useSession, useUser } from '../../app/session';
import { ErrorAlert, notifySuccess, PageHeader, PageLoader } from '../../app/ui';
import { useChangePassword, useCreateToken, useRevokeToken, useTokens, useUpdateMe } from './api';
import { PersonalDataCard } from './PersonalDataCard';
import { TwoFactorSection } from './TwoFactorSection';

function isLocale(value: string | null): value is Locale {
  return LANGUAGES.some((l) => l === value);
}

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="lg" component="section">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h4">
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {children}
      </Stack>
    </Card>
  );
}

function ProfileSection() {
  const { t } = useTranslation();
  const user = useUser();
  const queryClient = useQueryClient();
  const update = useUpdateMe();
  const form = useForm({
    initialValues: { name: user.name, locale: user.locale },
    validate: { name: (value: string) => (value.trim() ? null : t('errors.required')) },
  });
  const server = useServerErrors(form);

  const submit = form.onSubmit((values) => {
    server.clear();
    update.mutate(
      { name: values.name.trim(), locale: values.locale },
      {
        onSuccess: async (updated) => {
          form.resetDirty({ name: updated.name, locale: updated.locale });
          await changeLanguage(updated.locale);
          void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
          notifySuccess(t('account.profileSaved'));
        },
        onError: server.handle,
      },
    );
  });

  return (
    <Section title={t('account.profile')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={480}>
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <TextInput label={t('account.email')} value={user.email} readOnly variant="filled" />
          <TextInput
            label={t('account.name')}
            required
            maxLength={200}
            autoComplete="name"
            {...form.getInputProps('name')}
          />
          <Select
            label={t('account.language')}
            data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            allowDeselect={false}
            value={form.getValues().locale}
            onChange={(value) => {
              if (isLocale(value)) form.setFieldValue('locale', value);
            }}
          />
          <Group>
            <Button type="submit" loading={update.isPending}>
              {t('account.saveProfile')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (value: string) => (value ? null : t('errors.required')),
      newPassword: (value: string) =>
        value.length >= PASSWORD_MIN && value.length <= PASSWORD_MAX
          ? null
          : t('errors.passwordLength', { min: PASSWORD_MIN, max: PASSWORD_MAX }),
      confirmPassword: (value: string, values) =>
        value === values.newPassword ? null : t('errors.passwordMismatch'),
    },
  });
  const server = useServerErrors(form);

  const submit = form.onSubmit((values) => {
    server.clear();
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.reset();
          notifySuccess(t('account.passwordChanged'));
        },
        onError: server.handle,
      },
    );
  });

  return (
    <Section title={t('account.passwordTitle')} description={t('account.passwordIntro')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={480}>
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <PasswordInput
            label={t('account.currentPassword')}
            required
            autoComplete="current-password"
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('account.newPassword')}
            description={t('errors.passwordLength', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
            required
            autoComplete="new-password"
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label={t('account.confirmPassword')}
            required
            autoComplete="new-password"
            {...form.getInputProps('confirmPassword')}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('account.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

/** `YYYY-MM-DD` → the end of that day, local time, as an ISO timestamp. */
function endOfDay(date: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [, y, m, d] = match;
  return new Date(Number(y), Number(m) - 1, Number(d), 23, 59, 59).toISOString();
}

function CreatedTokenModal({
  token,
  onClose,
}: {
  token: { name: string; token: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('account.tokenCreatedTitle', { name: token.name })}
      closeOnClickOutside={false}
      size="lg"
    >
      <Stack>
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
          {t('account.tokenCreatedWarning')}
        </Alert>
        <Text size="sm" fw={600} id="created-token-label">
          {t('account.tokenValue')}
        </Text>
        <Code
          block
          aria-labelledby="created-token-label"
          data-testid="created-token"
          style={{ wordBreak: 'break-all' }}
        >
          {token.token}
        </Code>
        <Group justify="space-between">
          <CopyButton value={token.token}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? 'light' : 'filled'}
                leftSection={
                  copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                }
                onClick={copy}
              >
                {copied ? t('account.tokenCopied') : t('account.copyToken')}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={onClose}>
            {t('account.done')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RevokeTokenModal({ token, onClose }: { token: Token; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeToken();
  return (
    <Modal opened onClose={onClose} title={t('account.revokeTitle', { name: token.name })}>
      <Stack>
        <Text size="sm">{t('account.revokeBody')}</Text>
        {revoke.isError && <ErrorAlert error={revoke.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={revoke.isPending}
            onClick={() =>
              revoke.mutate(token.id, {
                onSuccess: () => {
                  notifySuccess(t('account.revoked', { name: token.name }));
                  onClose();
                },
              })
            }
          >
            {t('account.revoke')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function TokensSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const tokens = useTokens();
  const create = useCreateToken();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<Token | null>(null);
  const form = useForm({
    initialValues: { name: '', expiresAt: '' },
    validate: { name: (value: string) => (value.trim() ? null : t('errors.required')) },
  });
  const server = useServerErrors(form);
  const today = new Date().toISOString().slice(0, 10);

  const submit = form.onSubmit((values) => {
    server.clear();
    create.mutate(
      { name: values.name.trim(), expiresAt: endOfDay(values.expiresAt) },
      {
        onSuccess: (answer) => {
          form.reset();
          setCreated({ name: answer.name, token: answer.token });
        },
        onError: server.handle,
      },
    );
  });

  const items = tokens.data?.items ?? [];
  return (
    <Section title={t('account.tokensTitle')} description={t('account.tokensIntro')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              label={t('account.tokenName')}
              placeholder={t('account.tokenNamePlaceholder')}
              required
              maxLength={100}
              w={280}
              {...form.getInputProps('name')}
            />
            <TextInput
              label={t('account.tokenExpiresAt')}
              description={t('account.tokenExpiresAtHelp')}
              type="date"
              min={today}
              w={280}
              {...form.getInputProps('expiresAt')}
            />
          </Group>
          <Group>
            <Button type="submit" leftSection={<IconKey size={16} aria-hidden />} loading={create.isPending}>
              {t('account.createToken')}
            </Button>
          </Group>
        </Stack>
      </form>

      {tokens.isPending && <PageLoader />}
      {tokens.isError && <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('account.tokensEmpty')}
        </Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" data-testid="tokens-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('account.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('account.columns.createdAt')}</Table.Th>
                <Table.Th scope="col">{t('account.columns.expiresAt')}</Table.Th>
                <Table.Th scope="col">{t('account.columns.lastUsedAt')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('common.actions')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((token) => (
                <Table.Tr key={token.id}>
                  <Table.Th scope="row" fw={500}>
                    {token.name}
                  </Table.Th>
                  <Table.Td>{format.date(token.createdAt)}</Table.Td>
                  <Table.Td>
                    {token.expiresAt ? format.date(token.expiresAt) : t('account.noExpiry')}
                  </Table.Td>
                  <Table.Td>
                    {token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('account.never')}
                  </Table.Td>
                  <Table.Td>
                    <Group justify="flex-end">
                      <Tooltip label={t('account.revoke')}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('account.revokeLabel', { name: token.name })}
                          onClick={() => setRevoking(token)}
                        >
                          <IconTrash size={18} aria-hidden />
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
      {created && <CreatedTokenModal token={created} onClose={() => setCreated(null)} />}
      {revoking && <RevokeTokenModal token={revoking} onClose={() => setRevoking(null)} />}
    </Section>
  );
}

/** `/account`: the caller's profile and language, password, and API tokens. */
export function AccountPage() {
  const { t } = useTranslation();
  const { twoFactor } = useSession();
  // TISSERAND_REQUIRE_2FA: until an admin enrols a second factor, only that card works.
  if (twoFactor?.enrolmentRequired) {
    return (
      <>
        <PageHeader title={t('account.title')} />
        <Stack gap="lg" maw={880}>
          <TwoFactorSection />
        </Stack>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('account.title')} />
      <Stack gap="lg" maw={880}>
        <ProfileSection />
        <PasswordSection />
        <TwoFactorSection />
        <TokensSection />
        <PersonalDataCard />
      </Stack>
    </>
  );
}
