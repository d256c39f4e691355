import { useQuery } from '@tanstack/react-query';
import type { PublicReport } from '@tisserand/core';
import { API_BASE, api } from '../../app/api';

export const publicReportKeys = {
  one: (slug: string) => ['public-report', slug] as const,
};

/** A published report with its data resolved (no sign-in); an unpublished or unknown slug answers 404. */
export function usePublicReport(slug: string) {
  return useQuery({
    queryKey: publicReportKeys.one(slug),
    queryFn: ({ signal }) =>
      api.get<PublicReport>(`/public/reports/${encodeURIComponent(slug)}`, {
        signal,
        quietUnauthorized: true,
      }),
    // A reader of a published page has no reason to see it change under their eyes.
    refetchOnWindowFocus: false,
  });
}

/** Where a published report's open data and PDF are downloaded (API.md "Sharing and audit"). */
export function publicReportDownloads(slug: string) {
  const base = `${API_BASE}/public/reports/${encodeURIComponent(slug)}`;
  return { csv: `${base}/data.csv`, json: `${base}/data.json`, pdf: `${base}.pdf` };
}
