import { useSyncExternalStore } from 'react'
import { currentRoute, type Route, type RoutePath } from './routeTable'

export { currentRoute, HOME_PATH, ROUTES, routesFor, type Route, type RoutePath } from './routeTable'

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
