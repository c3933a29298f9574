// Issue 16, "Dates, forms, wording": a minimum's sessions in plain words on the prisoner page
// (renderer/src/lib/achievedText.ts); never "Achieved: 2 of 1".
import { describe, expect, it } from 'vitest'
import { achievedText } from '../../renderer/src/lib/achievedText'

describe('achievedText: a minimum’s sessions held against those required (issue 16 wording)', () => {
  it('a minimum met with more sessions than required says how many were held and that it is met', () => {
    expect(achievedText(2, 1)).toBe('2 sessions held (1 required): met')
    expect(achievedText(2, 1)).not.toMatch(/2 of 1/)
  })

  it('a minimum met exactly says so, singular or plural', () => {
    expect(achievedText(1, 1)).toBe('1 session held (1 required): met')
    expect(achievedText(3, 3)).toBe('3 sessions held (3 required): met')
  })

  it('a minimum not yet met counts the sessions held out of those required', () => {
    expect(achievedText(0, 1)).toBe('0 of 1 session held')
    expect(achievedText(1, 3)).toBe('1 of 3 sessions held')
  })
})
