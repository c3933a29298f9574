// The app's places, without React: the start-up entry (main.tsx) reads the route before React loads.

/** Screens in the navigation, in order. */
export const ROUTES = [
  { path: 'caseload', label: 'Caseload', audience: 'POMs' },
  { path: 'due', label: 'Due and overdue', audience: 'POMs and HOMD' },
  { path: 'allocation', label: 'Allocation', audience: 'HOMD' },
  { path: 'import', label: 'Import', audience: 'HOMD' },
  { path: 'rrmp', label: 'RRMP planning', audience: 'HOMS' },
  { path: 'readiness', label: 'Readiness and export', audience: 'Governors' },
  { path: 'settings', label: 'Settings', audience: 'Everyone' },
] as const
export type RoutePath = (typeof ROUTES)[number]['path']

/** Where the app is: a navigation screen, or one prisoner's page. */
export type Route = { kind: 'screen'; path: RoutePath } | { kind: 'prisoner'; prisonerId: number }

function parse(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('?')[0]?.split('/') ?? []
  if (parts[0] === 'prisoner' && /^\d+$/.test(parts[1] ?? '')) return { kind: 'prisoner', prisonerId: Number(parts[1]) }
  const found = ROUTES.find((r) => r.path === parts[0])
  return { kind: 'screen', path: found?.path ?? 'caseload' }
}

let cached: { hash: string; route: Route } = { hash: '', route: { kind: 'screen', path: 'caseload' } }
/** Where the app is now (outside React: the start-up prefetch). */
export function currentRoute(): Route {
  const hash = window.location.hash
  if (hash !== cached.hash) cached = { hash, route: parse(hash) }
  return cached.route
}

