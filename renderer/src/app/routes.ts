import { useSyncExternalStore } from 'react'

export const ROUTES = [
  { path: 'caseload', label: 'Caseload', audience: 'POMs' },
  { path: 'rrmp', label: 'RRMP planning', audience: 'HOMS' },
  { path: 'readiness', label: 'Readiness and export', audience: 'Governors' },
  { path: 'settings', label: 'Settings', audience: 'Everyone' },
] as const
export type RoutePath = (typeof ROUTES)[number]['path']

function currentPath(): RoutePath {
  const hash = window.location.hash.replace(/^#\/?/, '').split('?')[0] ?? ''
  return (ROUTES.find((r) => r.path === hash)?.path ?? 'caseload') as RoutePath
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

/** The screen named by the URL hash (#/caseload ...), so Back/Forward and reloads keep the place. */
export function useRoute(): RoutePath {
  return useSyncExternalStore(subscribe, currentPath)
}

export function hrefFor(path: RoutePath): string {
  return `#/${path}`
}
