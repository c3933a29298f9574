import { useSyncExternalStore } from 'react'

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
function current(): Route {
  const hash = window.location.hash
  if (hash !== cached.hash) cached = { hash, route: parse(hash) }
  return cached.route
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

/** The place named by the URL hash (#/caseload, #/prisoner/12), so Back/Forward and reloads keep it. */
export function useRoute(): Route {
  return useSyncExternalStore(subscribe, current)
}

export function hrefFor(path: RoutePath): string {
  return `#/${path}`
}

export function prisonerHref(prisonerId: number): string {
  return `#/prisoner/${prisonerId}`
}
