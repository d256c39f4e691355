import { Button, Center, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, Navigate, Outlet, useLocation, useRouteError } from 'react-router';
import { AccountPage } from '../features/account/AccountPage';
import { ActorProfilePage } from '../features/actors/ActorProfilePage';
import { ActorsPage } from '../features/actors/ActorsPage';
import { UsersPage } from '../features/admin/UsersPage';
import { SignInPage } from '../features/auth/SignInPage';
import { CampaignPage } from '../features/campaigns/CampaignPage';
import { CampaignsPage } from '../features/campaigns/CampaignsPage';
import { CapitalsPage } from '../features/capitals/CapitalsPage';
import { ChainHomePage } from '../features/chains/ChainHomePage';
import { ChainLayout } from '../features/chains/ChainLayout';
import { ChainSettingsPage } from '../features/chains/ChainSettingsPage';
import { ChainsPage } from '../features/chains/ChainsPage';
import { ConflictPage } from '../features/conflicts/ConflictPage';
import { ConflictsPage } from '../features/conflicts/ConflictsPage';
import { ConveningPage } from '../features/convenings/ConveningPage';
import { ConveningsPage } from '../features/convenings/ConveningsPage';
import { ExchangesPage } from '../features/exchanges/ExchangesPage';
import { ExportsPage } from '../features/exports/ExportsPage';
import { FlowsPage } from '../features/flows/FlowsPage';
import { GapsPage } from '../features/gaps/GapsPage';
import { GoalsPage } from '../features/goals/GoalsPage';
import { ImportPage } from '../features/imports/ImportPage';
import { InitiativePage } from '../features/initiatives/InitiativePage';
import { InitiativesPage } from '../features/initiatives/InitiativesPage';
import { InnovationPage } from '../features/innovation/InnovationPage';
import { SerendipityPage } from '../features/innovation/SerendipityPage';
import { MatchmakingPage } from '../features/matchmaking/MatchmakingPage';
import { MembersPage } from '../features/members/MembersPage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { PipelinePage } from '../features/pipeline/PipelinePage';
import { ProposalPage } from '../features/proposals/ProposalPage';
import { ProposalsPage } from '../features/proposals/ProposalsPage';
import { ResourcesPage } from '../features/resources/ResourcesPage';
import { StagesPage } from '../features/stages/StagesPage';
import { AlertsPage } from '../features/successes/AlertsPage';
import { SuccessesPage } from '../features/successes/SuccessesPage';
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
  // TISSERAND_REQUIRE_2FA: an instance admin without a second factor may only enrol one.
  if (session.twoFactor?.enrolmentRequired && location.pathname !== '/account') {
    return <Navigate to="/account#two-factor" replace />;
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
  // A published report, for anyone, with no sign-in and no app chrome; it draws ECharts charts.
  {
    path: '/r/:slug',
    lazy: () =>
      import('../features/public-report/PublicReportPage').then((m) => ({ Component: m.PublicReportPage })),
    hydrateFallbackElement: <PageLoader />,
    errorElement: <RouteError />,
  },
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
              { path: 'goals', element: <GoalsPage /> },
              // The goal page draws its indicator with ECharts: loaded on first visit only.
              {
                path: 'goals/:goalId',
                lazy: () => import('../features/goals/GoalPage').then((m) => ({ Component: m.GoalPage })),
                hydrateFallbackElement: <PageLoader />,
              },
              { path: 'initiatives', element: <InitiativesPage /> },
              { path: 'initiatives/:initiativeId', element: <InitiativePage /> },
              // The map feature pages pull sigma, MapLibre and ECharts: loaded on first visit only.
              {
                path: 'map',
                lazy: () =>
                  import('../features/map/ChainMapPage').then((m) => ({ Component: m.ChainMapPage })),
                hydrateFallbackElement: <PageLoader />,
              },
              {
                path: 'geography',
                lazy: () =>
                  import('../features/map/GeographyPage').then((m) => ({ Component: m.GeographyPage })),
                hydrateFallbackElement: <PageLoader />,
              },
              {
                path: 'sankey',
                lazy: () => import('../features/map/SankeyPage').then((m) => ({ Component: m.SankeyPage })),
                hydrateFallbackElement: <PageLoader />,
              },
              { path: 'overview', element: <OverviewPage /> },
              { path: 'actors', element: <ActorsPage /> },
              { path: 'actors/:actorId', element: <ActorProfilePage /> },
              { path: 'stages', element: <StagesPage /> },
              { path: 'flows', element: <FlowsPage /> },
              { path: 'gaps', element: <GapsPage /> },
              { path: 'import', element: <ImportPage /> },
              { path: 'exports', element: <ExportsPage /> },
              // The indicator pages draw ECharts charts: loaded on first visit only.
              {
                path: 'indicators',
                lazy: () =>
                  import('../features/indicators/IndicatorsPage').then((m) => ({
                    Component: m.IndicatorsPage,
                  })),
                hydrateFallbackElement: <PageLoader />,
              },
              {
                path: 'indicators/:indicatorId',
                lazy: () =>
                  import('../features/indicators/IndicatorDashboardPage').then((m) => ({
                    Component: m.IndicatorDashboardPage,
                  })),
                hydrateFallbackElement: <PageLoader />,
              },
              { path: 'campaigns', element: <CampaignsPage /> },
              { path: 'campaigns/:campaignId', element: <CampaignPage /> },
              { path: 'successes', element: <SuccessesPage /> },
              { path: 'alerts', element: <AlertsPage /> },
              // The report pages render Markdown and the public report's charts: loaded on first visit only.
              {
                path: 'reports',
                lazy: () =>
                  import('../features/reports/ReportsPage').then((m) => ({ Component: m.ReportsPage })),
                hydrateFallbackElement: <PageLoader />,
              },
              {
                path: 'reports/:reportId',
                lazy: () =>
                  import('../features/reports/ReportBuilderPage').then((m) => ({
                    Component: m.ReportBuilderPage,
                  })),
                hydrateFallbackElement: <PageLoader />,
              },
              { path: 'proposals', element: <ProposalsPage /> },
              { path: 'proposals/:proposalId', element: <ProposalPage /> },
              // The agreement pages render Markdown and diff versions: loaded on first visit only.
              {
                path: 'agreements',
                lazy: () =>
                  import('../features/agreements/AgreementsPage').then((m) => ({
                    Component: m.AgreementsPage,
                  })),
                hydrateFallbackElement: <PageLoader />,
              },
              {
                path: 'agreements/:agreementId',
                lazy: () =>
                  import('../features/agreements/AgreementPage').then((m) => ({
                    Component: m.AgreementPage,
                  })),
                hydrateFallbackElement: <PageLoader />,
              },
              { path: 'conflicts', element: <ConflictsPage /> },
              { path: 'conflicts/:conflictId', element: <ConflictPage /> },
              { path: 'convenings', element: <ConveningsPage /> },
              { path: 'convenings/:conveningId', element: <ConveningPage /> },
              { path: 'exchanges', element: <ExchangesPage /> },
              { path: 'matchmaking', element: <MatchmakingPage /> },
              { path: 'resources', element: <ResourcesPage /> },
              { path: 'pipeline', element: <PipelinePage /> },
              { path: 'innovation', element: <InnovationPage /> },
              { path: 'serendipity', element: <SerendipityPage /> },
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
