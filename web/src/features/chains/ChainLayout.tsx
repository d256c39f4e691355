import { Alert, Button, Stack } from '@mantine/core';
import type { Chain } from '@tisserand/core';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { ErrorAlert, PageLoader } from '../../app/ui';
import { useChain } from './api';

const ChainContext = createContext<Chain | null>(null);

/** The chain of the current page (`/chains/:chainId/…`), loaded once by `ChainLayout`. */
export function useCurrentChain(): Chain {
  const chain = useContext(ChainContext);
  if (!chain) throw new Error('useCurrentChain must be used under <ChainLayout>');
  return chain;
}

/** Loads the chain named in the path for every page under it; a chain one cannot see is "not found". */
export function ChainLayout() {
  const { chainId = '' } = useParams();
  const { t } = useTranslation();
  const query = useChain(chainId);

  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (isApiError(query.error, 400, 403, 404)) {
      return (
        <Stack align="flex-start">
          <Alert color="orange" variant="light" title={t('errors.pageNotFoundTitle')} role="alert">
            {t('errors.chainNotFound')}
          </Alert>
          <Button component={Link} to="/" variant="default">
            {t('errors.goHome')}
          </Button>
        </Stack>
      );
    }
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  return (
    <ChainContext.Provider value={query.data}>
      <Outlet />
    </ChainContext.Provider>
  );
}
