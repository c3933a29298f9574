import type { QueryClient } from '@tanstack/react-query'
import type { Route } from '../app/routes'
import { appStatusQuery, authStatusQuery, caseloadQuery, caseloadViewQuery, establishmentQuery } from './queries'

/**
 * Starts the first screen's reads as the page loads, each answer leading straight to the next
 * read. Left to the components, each read would wait for a render of the loading page in between
 * (five renders before the caseload is even asked for); issue 8 wants the first caseload row
 * within a second. The components read the same cache entries, so nothing is asked twice.
 * Nothing past sign-in is read in recovery or for a signed-out user (the App gate's order). A
 * failed read is left for its component to show.
 */
export async function prefetchFirstScreen(qc: QueryClient, route: Route): Promise<void> {
  try {
    // Who is signed in is asked alongside the app status: in recovery the answer is unused (the
    // gate does not read it) and asked again once the store is back.
    const [status, auth] = await Promise.all([qc.fetchQuery(appStatusQuery()), qc.fetchQuery(authStatusQuery()).catch(() => null)])
    if (status.state !== 'ready' || !auth?.user) return
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
