import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListOf, PublicReport, Report, ReportCreate, ReportUpdate } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';

/** Query keys of the reports, under the chain so that leaving a chain drops them. */
export const reportKeys = {
  all: (chainId: string) => ['chains', chainId, 'reports'] as const,
  list: (chainId: string) => [...reportKeys.all(chainId), 'list'] as const,
  one: (chainId: string, reportId: string) => [...reportKeys.all(chainId), 'one', reportId] as const,
  preview: (chainId: string, reportId: string) => [...reportKeys.all(chainId), 'preview', reportId] as const,
};

/** The reports of a chain (one page of up to 500), the most recently updated first. */
export function useReports(chainId: string) {
  return useQuery({
    queryKey: reportKeys.list(chainId),
    queryFn: async ({ signal }) => {
      const page = await api.get<ListOf<Report>>(`/chains/${chainId}/reports`, {
        query: { limit: 500 },
        signal,
      });
      return [...page.items].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    },
  });
}

/** One report, as its builder edits it. */
export function useReport(chainId: string, reportId: string) {
  return useQuery({
    queryKey: reportKeys.one(chainId, reportId),
    queryFn: ({ signal }) => api.get<Report>(`/chains/${chainId}/reports/${reportId}`, { signal }),
  });
}

/**
 * The saved report exactly as the public would read it (suppression applied), published or not.
 * Keyed by the version so that each save shows its own preview.
 */
export function useReportPreview(chainId: string, reportId: string, version: number, enabled = true) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...reportKeys.preview(chainId, reportId), version, i18n.language],
    queryFn: ({ signal }) =>
      api.get<PublicReport>(`/chains/${chainId}/reports/${reportId}/preview`, { signal }),
    enabled,
  });
}

/** Creates a report (coordinators). */
export function useCreateReport(chainId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportCreate) => api.post<Report>(`/chains/${chainId}/reports`, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(reportKeys.one(chainId, saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: reportKeys.list(chainId) });
    },
  });
}

/**
 * Edits a report (coordinators), guarded by the version read. A refused (412) save leaves the
 * cached report alone: the builder offers to reload it rather than replacing the user's edits.
 */
export function useUpdateReport(chainId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ report, body }: { report: Report; body: ReportUpdate }) =>
      api.patch<Report>(`/chains/${chainId}/reports/${report.id}`, body, report.version),
    onSuccess: (saved) => {
      queryClient.setQueryData(reportKeys.one(chainId, saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: reportKeys.list(chainId) });
      void queryClient.invalidateQueries({ queryKey: reportKeys.preview(chainId, saved.id) });
    },
  });
}

/** Deletes a report (coordinators), guarded by the version read. */
export function useDeleteReport(chainId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (report: Report) => api.delete(`/chains/${chainId}/reports/${report.id}`, report.version),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: reportKeys.list(chainId) }),
  });
}
