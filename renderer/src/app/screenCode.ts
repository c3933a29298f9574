import type { ComponentType } from 'react'
import type { Route } from './routeTable'

// Screen code the small start-up entry (main.tsx) fetches alongside boot when the app opens on that
// screen (a reload, a link), and the shell then shows without suspending (Shell.tsx). A lazy
// screen that suspends shows the loading fallback, and React 19 then holds the screen back until
// at least 300 ms after that fallback appeared (its Suspense reveal throttle), however soon the
// code arrives: issue 19's benchmark (the Group view over 10 establishments painted within a
// second) cannot afford that wait on top of start-up. No React here: the entry runs before React.

/** A screen's code, loaded once on first need; `loaded` is the component once it has arrived. */
export interface ScreenCode {
  load(): Promise<ComponentType>
  loaded(): ComponentType | null
}

function screenCode(importer: () => Promise<ComponentType>): ScreenCode {
  let pending: Promise<ComponentType> | null = null
  let component: ComponentType | null = null
  return {
    load: () =>
      (pending ??= importer().then(
        (c) => (component = c),
        (err: unknown) => {
          // Not kept: the shell's own load tries again and shows why it failed.
          pending = null
          throw err
        },
      )),
    loaded: () => component,
  }
}

export const groupScreenCode = screenCode(() => import('../screens/group/GroupScreen').then((m) => m.GroupScreen))

/** Starts loading the code of the screen the app opens on, when it has preloadable code. */
export function preloadScreenCode(route: Route): void {
  if (route.kind === 'screen' && route.path === 'group') groupScreenCode.load().catch(() => undefined)
}
