// Issue 16, "Screens": messages cover no control, confirmations close themselves, errors stay, and
// a message is removed when its screen is left (renderer/src/lib/toastRules.ts, app/Toasts.tsx).
import { describe, expect, it } from 'vitest'
import { CONFIRMATION_MS, leftBehind, screenOf, staysOpen } from '../../renderer/src/lib/toastRules'

describe('toast rules (issue 16: messages stay only as long as they are useful)', () => {
  it('a confirmation closes itself after a few seconds; an error stays until closed', () => {
    expect(staysOpen({ color: 'teal' })).toBe(false)
    expect(staysOpen({})).toBe(false)
    expect(staysOpen({ color: 'red' })).toBe(true)
    expect(CONFIRMATION_MS).toBeGreaterThanOrEqual(3000)
    expect(CONFIRMATION_MS).toBeLessThanOrEqual(8000)
  })

  it('leaving a screen removes the messages shown on it; those shown on the new screen stay', () => {
    const shownOn = new Map([
      ['saved', '#/prisoner/12'],
      ['signed', '#/home'],
    ])
    expect(leftBehind(shownOn, '#/home')).toEqual(['saved'])
    expect(leftBehind(shownOn, '#/caseload')).toEqual(['saved', 'signed'])
  })

  it('a switch on the same screen (its query changes) is not leaving it', () => {
    expect(screenOf('#/due?mine=0')).toBe(screenOf('#/due?mine=1'))
    expect(leftBehind(new Map([['saved', '#/due']]), '#/due?mine=0')).toEqual([])
  })
})
