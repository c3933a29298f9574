// Issue 16 ("Theme and last view are per user"): a user who never chose a theme gets the default
// (the system theme), not the theme the previous user left on screen (renderer/src/lib/userTheme.ts).
import { describe, expect, it } from 'vitest'
import { DEFAULT_SCHEME, schemeForUser, themeKeyFor } from '../../renderer/src/lib/userTheme'

describe('issue 16: the theme is per user', () => {
  it('a user who never chose a theme gets the default, the system theme', () => {
    expect(DEFAULT_SCHEME).toBe('auto')
    expect(schemeForUser(null)).toBe('auto')
  })
  it('a user’s own choice is theirs', () => {
    for (const s of ['light', 'dark', 'auto'] as const) expect(schemeForUser(s)).toBe(s)
  })
  it('something else stored is not a choice: the default', () => {
    expect(schemeForUser('purple')).toBe('auto')
  })
  it('each user’s choice is kept under their own id, not their name', () => {
    expect(themeKeyFor(7)).toBe('omu-colour-scheme:user:7')
    expect(themeKeyFor(7)).not.toBe(themeKeyFor(8))
  })
})
