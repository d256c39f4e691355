import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Image,
  Modal,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCheck, IconCopy, IconDownload, IconShieldLock } from '@tabler/icons-react';
import type { TwoFactorEnrolment } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { useServerErrors } from '../../app/forms';
import { useSession } from '../../app/session';
import { ErrorAlert, notifySuccess, PageLoader } from '../../app/ui';
import { useActivateTwoFactor, useDisableTwoFactor, useStartTwoFactor, useTwoFactorStatus } from './api';

/** The server's SVG as an image: never inserted as markup, so nothing in it can run. */
function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

const codeValid = (value: string) => /^\d{6}$/.test(value.replace(/\s/g, ''));

function downloadText(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/** The recovery codes, shown once right after activation. */
function RecoveryCodesModal({ codes, onClose }: { codes: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const text = `${codes.join('\n')}\n`;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('twoFactor.recoveryTitle')}
      closeOnClickOutside={false}
      size="lg"
    >
      <Stack>
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
          {t('twoFactor.recoveryWarning')}
        </Alert>
        <SimpleGrid
          cols={2}
          spacing="xs"
          data-testid="recovery-codes"
          aria-label={t('twoFactor.recoveryTitle')}
        >
          {codes.map((code) => (
            <Code key={code} fz="md">
              {code}
            </Code>
          ))}
        </SimpleGrid>
        <Group justify="space-between">
          <Group gap="xs">
            <CopyButton value={text}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'filled'}
                  leftSection={
                    copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                  }
                  onClick={copy}
                >
                  {copied ? t('twoFactor.copied') : t('twoFactor.copy')}
                </Button>
              )}
            </CopyButton>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={() => downloadText('tisserand-recovery-codes.txt', text)}
            >
              {t('twoFactor.download')}
            </Button>
          </Group>
          <Button variant="default" onClick={onClose}>
            {t('twoFactor.savedThem')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Step 2 of enabling: scan (or type) the secret, then give back a code to activate. */
function Activation({
  enrolment,
  onActivated,
  onCancel,
}: {
  enrolment: TwoFactorEnrolment;
  onActivated: (codes: string[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const activate = useActivateTwoFactor();
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (value: string) => (codeValid(value) ? null : t('twoFactor.codeFormat')) },
  });
  const server = useServerErrors(form);
  const submit = form.onSubmit(({ code }) => {
    server.clear();
    activate.mutate(
      { code: code.replace(/\s/g, '') },
      {
        onSuccess: (answer) => {
          form.reset();
          onActivated(answer.recoveryCodes);
        },
        onError: server.handle,
      },
    );
  });
  return (
    <Stack gap="sm">
      <Text size="sm">{t('twoFactor.scan')}</Text>
      <Group align="flex-start" gap="lg" wrap="wrap">
        <Image
          src={svgDataUrl(enrolment.qrSvg)}
          alt={t('twoFactor.qrAlt')}
          w={200}
          h={200}
          bg="white"
          data-testid="two-factor-qr"
        />
        <Stack gap={4} maw={360}>
          <Text size="sm" fw={600} id="two-factor-secret-label">
            {t('twoFactor.manualEntry')}
          </Text>
          <Code block aria-labelledby="two-factor-secret-label" data-testid="two-factor-secret">
            {enrolment.secret.replace(/(.{4})(?=.)/g, '$1 ')}
          </Code>
          <Text size="xs" c="dimmed">
            {t('twoFactor.manualHelp')}
          </Text>
        </Stack>
      </Group>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={480}>
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <TextInput
            label={t('twoFactor.code')}
            description={t('twoFactor.codeHelp')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            required
            {...form.getInputProps('code')}
          />
          <Group>
            <Button type="submit" loading={activate.isPending}>
              {t('twoFactor.activate')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/** Turning the second factor off: the password and a code (or a recovery code). */
function Disable({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const disable = useDisableTwoFactor();
  const form = useForm({
    initialValues: { password: '', code: '' },
    validate: {
      password: (value: string) => (value ? null : t('errors.required')),
      code: (value: string) => (value.trim() ? null : t('errors.required')),
    },
  });
  const server = useServerErrors(form);
  const submit = form.onSubmit((values) => {
    server.clear();
    disable.mutate(
      { password: values.password, code: values.code.trim() },
      {
        onSuccess: () => {
          form.reset();
          notifySuccess(t('twoFactor.disabled'));
          onDone();
        },
        onError: server.handle,
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={480}>
        {server.formError !== null && <ErrorAlert error={server.formError} />}
        <PasswordInput
          label={t('account.currentPassword')}
          required
          autoComplete="current-password"
          {...form.getInputProps('password')}
        />
        <TextInput
          label={t('twoFactor.codeOrRecovery')}
          autoComplete="one-time-code"
          maxLength={64}
          required
          {...form.getInputProps('code')}
        />
        <Group>
          <Button type="submit" color="red" loading={disable.isPending}>
            {t('twoFactor.disable')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The "Double authentification" card of the account page. */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const { twoFactor } = useSession();
  const status = useTwoFactorStatus();
  const start = useStartTwoFactor();
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [disabling, setDisabling] = useState(false);
  const enabled = status.data?.enabled ?? false;

  return (
    <Card withBorder padding="lg" component="section" id="two-factor" aria-labelledby="two-factor-title">
      <Stack gap="md">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={2} size="h4" id="two-factor-title">
              {t('twoFactor.title')}
            </Title>
            {status.isSuccess && (
              <Badge color={enabled ? 'teal' : 'gray'} variant="light">
                {enabled ? t('twoFactor.on') : t('twoFactor.off')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t('twoFactor.intro')}
          </Text>
        </Stack>
        {twoFactor?.enrolmentRequired && (
          <Alert color="orange" variant="light" icon={<IconShieldLock aria-hidden />} role="alert">
            {t('twoFactor.requiredExplanation')}
          </Alert>
        )}
        {status.isPending && <PageLoader />}
        {status.isError && <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />}
        {status.isSuccess && enabled && (
          <Stack gap="sm">
            <Text size="sm">
              {status.data.enabledAt
                ? t('twoFactor.enabledSince', { date: format.date(status.data.enabledAt) })
                : t('twoFactor.on')}{' '}
              {t('twoFactor.recoveryLeft', { count: status.data.recoveryCodesLeft })}
            </Text>
            {disabling ? (
              <Disable onDone={() => setDisabling(false)} />
            ) : (
              <Group>
                <Button variant="default" color="red" onClick={() => setDisabling(true)}>
                  {t('twoFactor.disable')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
        {status.isSuccess && !enabled && enrolment && (
          <Activation
            enrolment={enrolment}
            onActivated={(codes) => {
              setEnrolment(null);
              setRecoveryCodes(codes);
              notifySuccess(t('twoFactor.enabled'));
            }}
            onCancel={() => setEnrolment(null)}
          />
        )}
        {status.isSuccess && !enabled && !enrolment && (
          <Stack gap="sm">
            {start.isError && <ErrorAlert error={start.error} />}
            <Group>
              <Button
                leftSection={<IconShieldLock size={16} aria-hidden />}
                loading={start.isPending}
                onClick={() => start.mutate(undefined, { onSuccess: setEnrolment })}
              >
                {t('twoFactor.enable')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
      {recoveryCodes && <RecoveryCodesModal codes={recoveryCodes} onClose={() => setRecoveryCodes(null)} />}
    </Card>
  );
}
