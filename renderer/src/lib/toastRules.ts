// Issue 16, "Screens": the rules for messages (toasts), kept pure so they are tested without a
// window (app/Toasts.tsx applies them).

/** How long a confirmation stays, in milliseconds; an error stays until closed. */
export const CONFIRMATION_MS = 5000

/** An error (red) stays until the person closes it; anything else closes itself. */
export function staysOpen(n: { color?: string | undefined }): boolean {
  return n.color === 'red'
}

/** The screen part of a hash ('#/prisoner/12?x=1' -> '#/prisoner/12'): a switch on the same screen is no navigation. */
export function screenOf(hash: string): string {
  return hash.split('?')[0] ?? ''
}

/** The messages to remove on arriving at `hash`: those shown on another screen. */
export function leftBehind(shownOn: ReadonlyMap<string, string>, hash: string): string[] {
  const here = screenOf(hash)
  return [...shownOn].filter(([, on]) => on !== here).map(([id]) => id)
}
