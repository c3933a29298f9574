import type { QueryClient } from '@tanstack/react-query'
import type { Route } from '../app/routes'
import { appStatusQuery, authStatusQuery, caseloadQuery, caseloadViewQuery, establishmentQuery } from './queries'

/**
 * Starts the first screen's reads as the page loads, each answer leading straight to the next
 * read. Left to the components, each read would wait for a render of the loading page in between
 * (five renders before the caseload is even asked for); issue 8 wants the first caseload row
 * within a second. The components read the same cache entries, so nothing is asked twice.
 * The order is the App gate's: nothing past the app status is read in recovery, nothing past
 * sign-in is read for a signed-out user. A failed read is left for its component to show.
 */
export async function prefetchFirstScreen(qc: QueryClient, route: Route): Promise<void> {
  try {
    const status = await qc.fetchQuery(appStatusQuery())
    if (status.state !== 'ready') return
    const auth = await qc.fetchQuery(authStatusQuery())
    if (!auth.user) return
    const establishment = qc.prefetchQuery(establishmentQuery())
    if (route.kind === 'screen' && route.path === 'caseload') {
      const view = await qc.fetchQuery(caseloadViewQuery())
      await qc.prefetchQuery(caseloadQuery(view.pomId))
    }
    await establishment
  } catch {
    // The component that needs the read shows why it failed.
  }
}
