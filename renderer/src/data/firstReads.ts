import type { OmuBridge } from '../../../shared/ipc/contract'
import type { IpcResult } from '../../../shared/ipc/result'
import { routesFor, type Route } from '../app/routeTable'

// No imports but types and the route table: this runs from the small start-up entry (main.tsx), before React, the
// query client and the screens are loaded. startup.ts puts the answers into the query cache.

type Answer<F extends (...args: never[]) => Promise<unknown>> = ReturnType<F>
type Sent<T> = Promise<{ answer: Promise<T> } | null>

/** The first screen's reads, each started as soon as the answer before it allows. */
export interface FirstReads {
  status: Answer<OmuBridge['app']['status']>
  auth: Answer<OmuBridge['auth']['status']>
  /** Settles (to null when the read is not made) as soon as the request is sent. */
  establishment: Sent<Awaited<Answer<OmuBridge['establishment']['get']>>>
  view: Sent<Awaited<Answer<OmuBridge['prefs']['getCaseloadView']>>>
  /** The caseload screen's list of POMs: read with the view, so the first render has it. */
  staff: Sent<Awaited<Answer<OmuBridge['staff']['list']>>>
  caseload: Promise<{ pomId: number | null; answer: Answer<OmuBridge['caseload']['list']> } | null>
  /** The Group view's rows (issue 19: first paint within a second), when it is the first screen and the user's role uses it. */
  group: Sent<Awaited<Answer<OmuBridge['group']['view']>>>
}

const ok = <T>(r: IpcResult<T> | null): r is { ok: true; data: T } => r !== null && r.ok

/**
 * Starts the first screen's reads straight from `window.omu`, before React and the screens are
 * even loaded (main.tsx runs this from a small entry while the rest of the bundle is fetched and
 * compiled), each answer leading straight to the next read. Left to the components, each read would
 * wait for the bundle and then for a render of the loading page in between; issue 8 wants the first
 * caseload row within a second. Nothing past sign-in is read in recovery or for a signed-out user
 * (the App gate's order). A read that fails or is not made is left to its component.
 */
export function startFirstReads(route: Route): FirstReads {
  const api = window.omu
  // Who is signed in is asked alongside the app status: in recovery the answer is unused (the
  // gate does not read it) and asked again once the store is back.
  const status = api.app.status()
  const auth = api.auth.status()
  const signedIn = Promise.all([status, auth]).then(
    // Issue 16: nothing past the change-password page while a change the HOMS asked for is pending.
    ([s, a]) => (ok(s) && s.data.state === 'ready' && ok(a) && !a.data.passwordChangeRequired ? a.data.user : null),
    () => null,
  )
  const ready = signedIn.then((user) => user !== null)
  const establishment = ready.then((yes) => (yes ? { answer: api.establishment.get() } : null))
  const caseloadScreen = route.kind === 'screen' && route.path === 'caseload'
  const view = ready.then((yes) => (yes && caseloadScreen ? { answer: api.prefs.getCaseloadView() } : null))
  const staff = ready.then((yes) => (yes && caseloadScreen ? { answer: api.staff.list() } : null))
  const caseload = view.then(async (sent) => {
    const v = sent ? await sent.answer.catch(() => null) : null
    return ok(v) ? { pomId: v.data.pomId, answer: api.caseload.list({ pomId: v.data.pomId }) } : null
  })
  // Issue 19's benchmark (the Group view's first paint < 1 s): its rows are asked for alongside the
  // establishment, not after the shell and the screen's code have loaded; just after it, so the
  // shell (which needs the establishment) is not kept waiting while the main process works the
  // view out. Only for the roles whose navigation has the screen: anyone else would be refused.
  const groupScreen = route.kind === 'screen' && route.path === 'group'
  const group = Promise.all([signedIn, establishment]).then(([user]) =>
    user && groupScreen && routesFor(user.role).some((r) => r.path === 'group') ? { answer: api.group.view({}) } : null,
  )
  return { status, auth, establishment, view, staff, caseload, group }
}
