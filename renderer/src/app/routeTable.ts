// The app's places, without React: the start-up entry (main.tsx) reads the route before React loads.
import type { UserRole } from '../../../shared/ipc/values'

const EVERYONE: readonly UserRole[] = ['pom', 'homd', 'homs', 'governor', 'read_only']

/**
 * Screens in the navigation, in order, with what each is for in plain words and the roles whose
 * work uses it (issue 16, "Only what you may do": the navigation lists only the screens a role
 * uses). Which actions a role may take on a screen is permissions.ts's, through app/can.ts.
 */
export const ROUTES = [
  { path: 'home', label: 'Home', description: 'What to do today', roles: EVERYONE },
  { path: 'caseload', label: 'Caseload', description: 'Every case and its status', roles: EVERYONE },
  { path: 'due', label: 'Due and overdue', description: 'Minima to act on, handovers', roles: EVERYONE },
  { path: 'allocation', label: 'Allocation', description: 'Give cases to POMs', roles: ['homd', 'homs'] },
  { path: 'import', label: 'Import', description: 'Prisoners and sessions from a file', roles: ['homd', 'homs'] },
  { path: 'rrmp', label: 'RRMP planning', description: 'The regime recovery plan', roles: ['homs', 'governor', 'read_only'] },
  // Issue 19: the RRMP's resourcing plan (HOMS); the HOMD keeps the POMs' capacity it rests on.
  { path: 'resourcing', label: 'Resourcing', description: 'POM hours for the target stage', roles: ['homs', 'homd', 'governor', 'read_only'] },
  { path: 'readiness', label: 'Readiness and export', description: 'Sign-off and exports', roles: ['homs', 'governor', 'read_only'] },
  // Issue 19: establishments side by side, for the Prison Group Director (read-only reviewer role), the Governor and the HOMS.
  { path: 'group', label: 'Group view', description: 'Establishments side by side', roles: ['homs', 'governor', 'read_only'] },
  { path: 'settings', label: 'Settings', description: 'Your account, staff, backups', roles: EVERYONE },
] as const satisfies readonly { path: string; label: string; description: string; roles: readonly UserRole[] }[]
export type RoutePath = (typeof ROUTES)[number]['path']

/** The navigation's screens for one role. */
export function routesFor(role: UserRole): (typeof ROUTES)[number][] {
  return ROUTES.filter((r) => (r.roles as readonly UserRole[]).includes(role))
}

/** Where everyone lands after sign-in (issue 16: their own home, never the previous user's last screen). */
export const HOME_PATH: RoutePath = 'home'

/** Where the app is: a navigation screen, or one prisoner's page. */
export type Route = { kind: 'screen'; path: RoutePath } | { kind: 'prisoner'; prisonerId: number }

function parse(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('?')[0]?.split('/') ?? []
  if (parts[0] === 'prisoner' && /^\d+$/.test(parts[1] ?? '')) return { kind: 'prisoner', prisonerId: Number(parts[1]) }
  const found = ROUTES.find((r) => r.path === parts[0])
  // A page opened without a place (a reload of the bare page) shows the caseload, which start-up
  // reads ahead (issue 8); signing in always goes to HOME_PATH (data/authHooks.ts, issue 16).
  return { kind: 'screen', path: found?.path ?? 'caseload' }
}

let cached: { hash: string; route: Route } = { hash: '', route: { kind: 'screen', path: 'caseload' } }
/** Where the app is now (outside React: the start-up prefetch). */
export function currentRoute(): Route {
  const hash = window.location.hash
  if (hash !== cached.hash) cached = { hash, route: parse(hash) }
  return cached.route
}

