import type { DefaultOptions } from '@tanstack/react-query'

/**
 * The query client's defaults (renderer/src/boot.tsx). Every read and write goes over local IPC to
 * the main process, not over a network:
 * - `networkMode: 'always'`: TanStack Query would otherwise pause queries and mutations while the
 *   OS reports no network, and a laptop on a wing with no Wi-Fi must still read and record sessions
 *   (issue 18, "Runtime and libraries"). A shared-database outage is the main process's to report
 *   (OfflineBanner), as an answer, not as a paused request.
 * - no retries that would hide a real error, no refetch on focus churn.
 */
export const QUERY_DEFAULTS = {
  queries: { networkMode: 'always', retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
  mutations: { networkMode: 'always', retry: false },
} as const satisfies DefaultOptions
