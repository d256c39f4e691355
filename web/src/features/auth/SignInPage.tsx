import {
  Alert,
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
      await session.login(email.trim(), password);
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
        </Paper>
        <Text size="xs" c="dimmed" ta="center">
          {t('app.tagline')}
        </Text>
      </Stack>
    </Center>
  );
}
