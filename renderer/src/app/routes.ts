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

// Set when the user navigates (not on first load): the next screen heading to mount takes focus,
// so keyboard and screen-reader users land on the new screen (screens load lazily, so the
// heading may appear a moment after the navigation).
let headingFocusPending = false
window.addEventListener('hashchange', () => {
  headingFocusPending = true
})

/** True once per navigation: the heading that asks first gets the focus. */
export function takeHeadingFocus(): boolean {
  const pending = headingFocusPending
  headingFocusPending = false
  return pending
}

let cached: { hash: string; route: Route } = { hash: '', route: { kind: 'screen', path: 'caseload' } }
/** Where the app is now (outside React: the start-up prefetch). */
export function currentRoute(): Route {
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
  return useSyncExternalStore(subscribe, currentRoute)
}

export function hrefFor(path: RoutePath): string {
  return `#/${path}`
}

export function prisonerHref(prisonerId: number): string {
  return `#/prisoner/${prisonerId}`
}
