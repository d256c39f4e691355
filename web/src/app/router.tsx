import { Button, Center, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, Navigate, Outlet, useLocation, useRouteError } from 'react-router';
import { AccountPage } from '../features/account/AccountPage';
import { UsersPage } from '../features/admin/UsersPage';
import { SignInPage } from '../features/auth/SignInPage';
import { CapitalsPage } from '../features/capitals/CapitalsPage';
import { ChainHomePage } from '../features/chains/ChainHomePage';
import { ChainLayout } from '../features/chains/ChainLayout';
import { ChainSettingsPage } from '../features/chains/ChainSettingsPage';
import { ChainsPage } from '../features/chains/ChainsPage';
import { MembersPage } from '../features/members/MembersPage';
import { Shell } from './Shell';
import { useSession } from './session';
import { ErrorAlert, PageLoader } from './ui';

/** Where the sign-in page sends the user back to. */
export interface SignInState {
  from?: string;
}

/** Pages behind sign-in: a signed-out visitor goes to /sign-in, and comes back after. */
function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <PageLoader />;
  if (session.status === 'error') {
    return (
      <Container size="sm" py="xl">
        <ErrorAlert error={session.error} onRetry={session.retry} />
      </Container>
    );
  }
  if (session.status === 'signedOut') {
    const state: SignInState = { from: `${location.pathname}${location.search}${location.hash}` };
    return <Navigate to="/sign-in" replace state={state} />;
  }
  return <Outlet />;
}

/** Any path that matches no page. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Stack align="center" gap="sm">
        <Title order={1} size="h2">
          {t('errors.pageNotFoundTitle')}
        </Title>
        <Text c="dimmed">{t('errors.pageNotFoundBody')}</Text>
        <Button component={Link} to="/">
          {t('errors.goHome')}
        </Button>
      </Stack>
    </Center>
  );
}

/** A page that crashed while rendering: say so and offer a way out. */
function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Stack>
        <ErrorAlert error={error} />
        <Button component={Link} to="/" variant="default" w="fit-content">
          {t('errors.goHome')}
        </Button>
      </Stack>
    </Container>
  );
}

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteError /> },
  {
    element: <RequireAuth />,
    errorElement: <RouteError />,
    children: [
      {
        element: <Shell />,
        children: [
          { index: true, element: <ChainsPage /> },
          { path: 'account', element: <AccountPage /> },
          { path: 'admin/users', element: <UsersPage /> },
          {
            path: 'chains/:chainId',
            element: <ChainLayout />,
            children: [
              { index: true, element: <ChainHomePage /> },
              { path: 'capitals', element: <CapitalsPage /> },
              { path: 'members', element: <MembersPage /> },
              { path: 'settings', element: <ChainSettingsPage /> },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
