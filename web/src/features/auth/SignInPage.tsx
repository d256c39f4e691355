import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import type { SignInState } from '../../app/router';
import { useSession } from '../../app/session';
import { PageLoader } from '../../app/ui';

/** Only paths of this app, never another origin (`//evil.example`). */
function safeReturnPath(state: unknown): string {
  const from = (state as SignInState | null)?.from;
  if (
    typeof from === 'string' &&
    from.startsWith('/') &&
    !from.startsWith('//') &&
    !from.startsWith('/sign-in')
  ) {
    return from;
  }
  return '/';
}

/** `/sign-in`: e-mail and password; back to the page asked for, or to the chain list. */
export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  /** Set when the password was right and the account asks for its second factor. */
  const [challenge, setChallenge] = useState<string | null>(null);
  const returnTo = safeReturnPath(location.state);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : t('errors.required')),
      password: (value) => (value ? null : t('errors.required')),
    },
  });

  useEffect(() => {
    document.title = `${t('auth.title')} · ${t('app.name')}`;
  }, [t]);

  if (session.status === 'loading') return <PageLoader />;
  if (session.status === 'signedIn') return <Navigate to={returnTo} replace />;

  const submit = form.onSubmit(async ({ email, password }) => {
    setError(null);
    try {
      const result = await session.login(email.trim(), password);
      if ('twoFactorRequired' in result) {
        form.setFieldValue('password', '');
        setChallenge(result.challenge);
        return;
      }
      void navigate(returnTo, { replace: true });
    } catch (caught) {
      form.setFieldValue('password', '');
      if (caught instanceof ApiError && caught.status === 401) setError(t('auth.wrongCredentials'));
      else if (caught instanceof ApiError && caught.status === 429) setError(t('auth.tooMany'));
      else setError(errorMessage(t, caught));
    }
  });

  const notice =
    session.ended === 'expired'
      ? t('auth.sessionExpired')
      : session.ended === 'signedOut'
        ? t('auth.signedOut')
        : null;

  return (
    <Center mih="100vh" p="md" component="main">
      <Stack w="100%" maw={420} gap="md">
        <Group justify="space-between">
          <Text fw={700} size="xl" c="teal.8">
            {t('app.name')}
          </Text>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="lg">
          {challenge ? (
            <SecondFactorStep
              challenge={challenge}
              onSignedIn={() => void navigate(returnTo, { replace: true })}
              onRestart={(message) => {
                setChallenge(null);
                setError(message);
              }}
            />
          ) : (
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <Stack gap={4}>
                  <Title order={1} size="h2">
                    {t('auth.title')}
                  </Title>
                  <Text c="dimmed" size="sm">
                    {t('auth.intro')}
                  </Text>
                </Stack>
                {notice && !error && (
                  <Alert color="teal" variant="light" role="status">
                    {notice}
                  </Alert>
                )}
                {error && (
                  <Alert color="red" variant="light" role="alert" data-testid="sign-in-error">
                    {error}
                  </Alert>
                )}
                <TextInput
                  label={t('auth.email')}
                  type="email"
                  autoComplete="username"
                  required
                  autoFocus
                  {...form.getInputProps('email')}
                />
                <PasswordInput
                  label={t('auth.password')}
                  autoComplete="current-password"
                  required
                  {...form.getInputProps('password')}
                />
                <Button type="submit" loading={form.submitting} fullWidth>
                  {t('auth.submit')}
                </Button>
                <Text size="xs" c="dimmed">
                  {t('auth.noAccount')}
                </Text>
              </Stack>
            </form>
          )}
        </Paper>
        <Text size="xs" c="dimmed" ta="center">
          {t('app.tagline')}
        </Text>
      </Stack>
    </Center>
  );
}

/** The second step of a sign-in: the 6-digit code of the authenticator app, or a recovery code. */
function SecondFactorStep({
  challenge,
  onSignedIn,
  onRestart,
}: {
  challenge: string;
  onSignedIn: () => void;
  onRestart: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [recovery, setRecovery] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { code: '' },
    validate: {
      code: (value: string) => {
        const clean = value.replace(/\s/g, '');
        if (recovery) return clean ? null : t('errors.required');
        return /^\d{6}$/.test(clean) ? null : t('twoFactor.codeFormat');
      },
    },
  });

  const submit = form.onSubmit(async ({ code }) => {
    setError(null);
    try {
      await session.loginSecondFactor(challenge, recovery ? code.trim() : code.replace(/\s/g, ''));
      onSignedIn();
    } catch (caught) {
      form.setFieldValue('code', '');
      if (caught instanceof ApiError && caught.status === 401 && /expired/i.test(caught.detail))
        onRestart(t('twoFactor.challengeExpired'));
      else if (caught instanceof ApiError && caught.status === 401) setError(t('twoFactor.wrongCode'));
      else if (caught instanceof ApiError && caught.status === 429) setError(t('auth.tooMany'));
      else setError(errorMessage(t, caught));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('twoFactor.signInTitle')}
          </Title>
          <Text c="dimmed" size="sm">
            {recovery ? t('twoFactor.signInRecoveryIntro') : t('twoFactor.signInIntro')}
          </Text>
        </Stack>
        {error && (
          <Alert color="red" variant="light" role="alert" data-testid="sign-in-error">
            {error}
          </Alert>
        )}
        <TextInput
          key={recovery ? 'recovery' : 'totp'}
          label={recovery ? t('twoFactor.recoveryCode') : t('twoFactor.code')}
          inputMode={recovery ? 'text' : 'numeric'}
          autoComplete="one-time-code"
          maxLength={recovery ? 64 : 7}
          required
          autoFocus
          data-testid="two-factor-code"
          {...form.getInputProps('code')}
        />
        <Button type="submit" loading={form.submitting} fullWidth>
          {t('twoFactor.verify')}
        </Button>
        <Group justify="space-between">
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => {
              setRecovery((r) => !r);
              setError(null);
              form.reset();
            }}
          >
            {recovery ? t('twoFactor.useApp') : t('twoFactor.useRecovery')}
          </Anchor>
          <Anchor component="button" type="button" size="sm" onClick={() => onRestart(null)}>
            {t('twoFactor.restart')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
