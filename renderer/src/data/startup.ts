import type { QueryClient } from '@tanstack/react-query'
import { unwrap } from './client'
import type { FirstReads } from './firstReads'
import { appStatusQuery, authStatusQuery, caseloadQuery, caseloadViewQuery, establishmentQuery, groupViewQuery, staffQuery } from './queries'

/**
 * Puts the reads started by startFirstReads into the query cache, so the components read the
 * same entries and nothing is asked twice. Each entry is added as soon as its request is sent,
 * still pending, so a component mounting before the answer waits for it rather than asking again.
 */
export function adoptFirstReads(qc: QueryClient, reads: FirstReads): void {
  const quiet = () => {
    // The component that needs the read shows why it failed.
  }
  qc.prefetchQuery({ ...appStatusQuery(), queryFn: () => unwrap(reads.status) }).catch(quiet)
  qc.prefetchQuery({ ...authStatusQuery(), queryFn: () => unwrap(reads.auth) }).catch(quiet)
  reads.establishment.then((sent) => (sent ? qc.prefetchQuery({ ...establishmentQuery(), queryFn: () => unwrap(sent.answer) }) : undefined)).catch(quiet)
  reads.view.then((sent) => (sent ? qc.prefetchQuery({ ...caseloadViewQuery(), queryFn: () => unwrap(sent.answer) }) : undefined)).catch(quiet)
  reads.staff.then((sent) => (sent ? qc.prefetchQuery({ ...staffQuery(), queryFn: () => unwrap(sent.answer) }) : undefined)).catch(quiet)
  reads.caseload.then((sent) => (sent ? qc.prefetchQuery({ ...caseloadQuery(sent.pomId), queryFn: () => unwrap(sent.answer) }) : undefined)).catch(quiet)
  reads.group.then((sent) => (sent ? qc.prefetchQuery({ ...groupViewQuery(), queryFn: () => unwrap(sent.answer) }) : undefined)).catch(quiet)
}
