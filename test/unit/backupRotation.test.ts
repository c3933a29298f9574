import { describe, expect, it } from 'vitest'
import type { BackupInfo } from '../../db/backups'
import { isoWeek, planRotation } from '../../electron/services/backupRotation'
import { londonToday } from '../../electron/services/clock'

// The backup rotation (issue 7: "kept in rotation (e.g. last 7 daily + 4 weekly)").

const DAY = 86_400_000
const NOW = new Date('2026-11-23T10:00:00Z') // a Monday: ISO week 2026-W48

function b(takenAt: Date, label: string, seq = 0): BackupInfo {
  return { path: `/b/${takenAt.toISOString()}-${label}.db`, takenAt: takenAt.toISOString().replace(/\.\d{3}Z$/, 'Z'), label, seq }
}

const kept = (list: BackupInfo[], now = NOW) => planRotation(list, now, londonToday).keep.map((x) => `${x.takenAt.slice(0, 10)} ${x.label}`)

describe('ISO weeks', () => {
  it.each([
    ['2026-11-23', '2026-W48'],
    ['2026-11-22', '2026-W47'],
    ['2027-01-01', '2026-W53'], // a Friday: belongs to the last week of 2026
    ['2024-12-30', '2025-W01'], // a Monday: the first week of 2025
    ['2021-01-03', '2020-W53'],
  ])('%s is in %s', (date, week) => expect(isoWeek(date)).toBe(week))
})

describe('backup rotation', () => {
  it('keeps the 7 newest daily backups plus the newest of each of the 4 most recent weeks', () => {
    const dailies = Array.from({ length: 40 }, (_, i) => b(new Date(NOW.getTime() - i * DAY), 'daily'))
    expect(kept(dailies)).toEqual([
      '2026-11-23 daily', // week 48
      '2026-11-22 daily', // week 47
      '2026-11-21 daily',
      '2026-11-20 daily',
      '2026-11-19 daily',
      '2026-11-18 daily',
      '2026-11-17 daily',
      '2026-11-15 daily', // week 46
      '2026-11-08 daily', // week 45
    ])
  })

  it('a machine left off for weeks keeps 4 weeks of history, not just the last few days', () => {
    const sparse = [0, 30, 60, 90, 120, 150].map((d) => b(new Date(NOW.getTime() - d * DAY), 'daily'))
    // All six are among the 7 newest dailies.
    expect(kept(sparse)).toHaveLength(6)
    const many = Array.from({ length: 12 }, (_, i) => b(new Date(NOW.getTime() - i * 14 * DAY), 'daily'))
    expect(kept(many)).toHaveLength(7)
  })

  it('keeps pre-migration, pre-restore and manual backups for 30 days; unknown kinds always', () => {
    const list = [
      b(new Date(NOW.getTime() - 29 * DAY), 'premigration'),
      b(new Date(NOW.getTime() - 31 * DAY), 'premigration'),
      b(new Date(NOW.getTime() - 10 * DAY), 'prerestore'),
      b(new Date(NOW.getTime() - 45 * DAY), 'manual'),
      b(new Date(NOW.getTime() - 400 * DAY), 'something-new'),
    ]
    const result = planRotation(list, NOW, londonToday)
    // The one 31 days old is outside 30 days and not the newest of its week; the one 45 days old is
    // outside 30 days too, but still the newest of one of the 4 most recent weeks with a backup.
    expect(result.keep.map((x) => x.label)).toEqual(['prerestore', 'premigration', 'manual', 'something-new'])
    const older = [...list, ...Array.from({ length: 4 }, (_, i) => b(new Date(NOW.getTime() - i * 7 * DAY), 'daily'))]
    expect(planRotation(older, NOW, londonToday).remove.map((x) => `${x.label}`)).toEqual(['premigration', 'manual'])
  })

  it('never removes the newest backup, and removes nothing from a short list', () => {
    const list = [b(NOW, 'manual'), b(new Date(NOW.getTime() - DAY), 'daily')]
    expect(planRotation(list, NOW, londonToday).remove).toEqual([])
    const onlyOld = [b(new Date(NOW.getTime() - 90 * DAY), 'manual')]
    expect(planRotation(onlyOld, NOW, londonToday).keep).toHaveLength(1)
  })
})

describe('newest by the app’s sequence, not the clock (issue 15)', () => {
  it('the 7 dailies kept are the 7 taken last, even when the clock was set back between them', () => {
    // Ten dailies; the last three were taken after the clock was put back a month.
    const list = Array.from({ length: 10 }, (_, i) => b(new Date(NOW.getTime() - (i < 7 ? 9 - i : 40 - i) * DAY), 'daily', i + 1))
    const keptSeqs = planRotation(list, NOW, londonToday)
      .keep.filter((x) => x.label === 'daily')
      .map((x) => x.seq)
    expect(keptSeqs.slice(0, 7)).toEqual([10, 9, 8, 7, 6, 5, 4])
  })

  it('a backup dated in the future is kept, and not counted as today’s daily', () => {
    const future = b(new Date(NOW.getTime() + 3 * 365 * DAY), 'daily', 99)
    const daily = Array.from({ length: 8 }, (_, i) => b(new Date(NOW.getTime() - i * DAY), 'daily', 8 - i))
    const plan = planRotation([future, ...daily], NOW, londonToday)
    expect(plan.keep.map((x) => x.seq)).toContain(99)
    // The 7 real dailies are all still kept (the future one did not take a place).
    expect(plan.keep.filter((x) => x.seq !== 99 && x.label === 'daily')).toHaveLength(7)
  })
})
