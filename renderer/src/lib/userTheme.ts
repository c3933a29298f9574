// Issue 16 ("Theme and last view are per user"): each user's colour theme, kept on this computer by
// user id (no name stored). Pure: the caller reads and writes localStorage (app/ThemeToggle.tsx).

export type Scheme = 'light' | 'dark' | 'auto'

/** The theme of a user who never chose one: the computer's own light or dark setting (boot.tsx defaultColorScheme). */
export const DEFAULT_SCHEME: Scheme = 'auto'

/** Where a user's choice is kept. */
export function themeKeyFor(userId: number): string {
  return `omu-colour-scheme:user:${userId}`
}

/** The theme to show a signed-in user: their own choice, else the default, never the previous user's. */
export function schemeForUser(stored: string | null): Scheme {
  return stored === 'light' || stored === 'dark' || stored === 'auto' ? stored : DEFAULT_SCHEME
}
