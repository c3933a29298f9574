// lateRecords. Source: seed 003 standard 1.1 and Annex B 1.1 ("Contacts ... are recorded ... within
// one working day"); issue 3: a session is late when recordedOn is after addWorkingDays(date, 1),
// with England and Wales bank holidays from date-holidays and extra holidays from Settings.
import { describe, expect, it } from 'vitest'
import type { CaseSession } from '../../../../shared/engine/case/index'
import { evaluateCase } from '../../../../shared/engine/case/index'
import { determinate } from './fixtures'

function late(sessions: CaseSession[], extraHolidays?: string[]): number {
  return evaluateCase(determinate({ conditionalReleaseDate: '2026-03-31', sessions }), '2025-01-01', 'omic2021', extraHolidays ? { extraHolidays } : undefined).lateRecords
}

describe('lateRecords: recorded more than one working day after the session (seed 003 std 1.1)', () => {
  it.each([
    // [session date, recordedOn, late?, why]
    ['2023-06-14', '2023-06-14', 0, 'recorded the same day'],
    ['2023-06-14', '2023-06-15', 0, 'Wednesday, recorded Thursday (the next working day)'],
    ['2023-06-14', '2023-06-16', 1, 'Wednesday, recorded Friday (two working days)'],
    ['2023-06-16', '2023-06-19', 0, 'Friday, recorded Monday (next working day after the weekend)'],
    ['2023-06-16', '2023-06-20', 1, 'Friday, recorded Tuesday'],
    ['2023-06-17', '2023-06-19', 0, 'Saturday session, recorded Monday'],
    ['2023-06-17', '2023-06-20', 1, 'Saturday session, recorded Tuesday'],
    // Easter
    ['2023-04-06', '2023-04-11', 0, 'Thursday before Good Friday, recorded Tuesday after Easter Monday'],
    ['2023-04-06', '2023-04-12', 1, 'Thursday before Good Friday, recorded Wednesday after Easter'],
    ['2024-03-28', '2024-04-02', 0, 'Thursday before Easter 2024 (BST starts 31 Mar), recorded Tuesday'],
    // Christmas and New Year
    ['2022-12-23', '2022-12-28', 0, 'Friday 23 Dec 2022, recorded Wednesday 28 (Boxing Day and the Christmas substitute skipped)'],
    ['2022-12-23', '2022-12-29', 1, 'Friday 23 Dec 2022, recorded Thursday 29'],
    ['2022-12-30', '2023-01-03', 0, 'Friday 30 Dec 2022, recorded Tuesday 3 Jan (New Year substitute skipped)'],
    ['2022-12-30', '2023-01-04', 1, 'Friday 30 Dec 2022, recorded Wednesday 4 Jan'],
    // One-off bank holidays
    ['2022-09-16', '2022-09-20', 0, 'Friday before the State Funeral (19 Sep 2022), recorded Tuesday'],
    ['2022-09-16', '2022-09-21', 1, 'Friday before the State Funeral, recorded Wednesday'],
    ['2023-05-05', '2023-05-09', 0, 'Friday before the Coronation (8 May 2023), recorded Tuesday'],
    ['2023-05-05', '2023-05-10', 1, 'Friday before the Coronation, recorded Wednesday'],
    // BST / GMT changes
    ['2023-03-24', '2023-03-27', 0, 'Friday before BST starts, recorded Monday'],
    ['2023-03-24', '2023-03-28', 1, 'Friday before BST starts, recorded Tuesday'],
    ['2023-10-27', '2023-10-30', 0, 'Friday before GMT resumes, recorded Monday'],
    ['2023-10-27', '2023-10-31', 1, 'Friday before GMT resumes, recorded Tuesday'],
    // Leap day
    ['2024-02-28', '2024-02-29', 0, 'Wednesday 28 Feb 2024, recorded on the leap day'],
    ['2024-02-28', '2024-03-01', 1, 'Wednesday 28 Feb 2024, recorded 1 March'],
  ])('session %s recorded %s: late = %i (%s)', (date, recordedOn, expected) => {
    expect(late([{ date, inPerson: true, recordedOn }])).toBe(expected)
    // Whether the session was in person plays no part in record keeping.
    expect(late([{ date, inPerson: false, recordedOn }])).toBe(expected)
  })

  it('a session with no recordedOn is not late (reading: nothing to judge yet)', () => {
    expect(late([{ date: '2023-06-14', inPerson: true }, { date: '2023-06-14', inPerson: true, recordedOn: null }])).toBe(0)
  })

  it('counts every late session', () => {
    const sessions: CaseSession[] = [
      { date: '2023-06-14', inPerson: true, recordedOn: '2023-06-16' },
      { date: '2023-06-14', inPerson: false, recordedOn: '2023-06-30' },
      { date: '2023-06-15', inPerson: true, recordedOn: '2023-06-16' },
      { date: '2023-06-16', inPerson: true },
    ]
    expect(late(sessions)).toBe(2)
  })

  it('extra holidays from Settings extend the deadline (issue 3)', () => {
    const s: CaseSession[] = [{ date: '2023-06-30', inPerson: true, recordedOn: '2023-07-04' }]
    expect(late(s)).toBe(1)
    expect(late(s, ['2023-07-03'])).toBe(0)
    expect(late(s, [])).toBe(1)
  })

  it('the documented 3-parameter evaluateCase call is unchanged (no options)', () => {
    const input = determinate({ conditionalReleaseDate: '2026-03-31', sessions: [{ date: '2023-06-14', inPerson: true, recordedOn: '2023-06-16' }] })
    expect(evaluateCase(input, '2025-01-01', 'omic2021').lateRecords).toBe(1)
    expect(evaluateCase(input, '2025-01-01').lateRecords).toBe(1)
  })
})
