import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportJob, ImportKind } from '@tisserand/core';
import { api } from '../../app/api';
import { invalidateChainModel, metaKeys } from '../overview/api';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type the server expects for a file, from its name (.csv or .xlsx). */
export function contentTypeOf(file: File): string {
  return file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
}

/** Starts an import (or a dry run that writes nothing); answers the job's id. */
export function useStartImport(chainId: string) {
  return useMutation({
    mutationFn: ({ kind, dryRun, file }: { kind: ImportKind; dryRun: boolean; file: File }) =>
      api.upload<{ id: string }>(`/chains/${chainId}/imports`, file, contentTypeOf(file), {
        query: { kind, dryRun },
      }),
  });
}

/** An import job, polled every 500 ms while it runs; the chain is reloaded once a real import succeeds. */
export function useImportJob(chainId: string, jobId: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['chains', chainId, 'imports', jobId],
    queryFn: async ({ signal }) => {
      const job = await api.get<ImportJob>(`/chains/${chainId}/imports/${jobId}`, { signal });
      if (job.status === 'succeeded' && !job.dryRun) {
        for (const key of [metaKeys.actors(chainId), metaKeys.flows(chainId), metaKeys.intents(chainId)]) {
          void queryClient.invalidateQueries({ queryKey: key });
        }
        invalidateChainModel(queryClient, chainId);
      }
      return job;
    },
    enabled: jobId !== null,
    refetchInterval: (query) => {
      if (query.state.status === 'error') return false;
      const status = query.state.data?.status;
      return status === 'succeeded' || status === 'failed' ? false : 500;
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}
