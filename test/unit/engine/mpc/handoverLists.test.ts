// Handover lists and responsibility from the handover dates: ../shared/specs/mpc-rules.md
// section A (A1-A7, A.2) with the app's differences E.1, E.2, E.3 and E.7. Each boundary day the
// spec names is checked on both sides.
import { describe, expect, it } from 'vitest'
import type { HandoverListsInput } from '../../../../shared/engine/index'
import { CaseInputError, handoverLists, responsibilityFromHandoverDates } from '../../../../shared/engine/index'

// omic2023 shape: S = H = 2025-06-01. Window H - 56 = 2025-04-06 .. 2025-05-31.
const H = '2025-06-01'

function lists(over: Partial<HandoverListsInput>) {
  const today = over.today ?? '2025-05-01'
  const alloc = over.comAllocatedDate ?? null
  const resp = over.comResponsibleDate === undefined ? H : over.comResponsibleDate
  const responsibility = over.responsibility ?? responsibilityFromHandoverDates({ today, comAllocatedDate: alloc, comResponsibleDate: resp }).responsibility
  return handoverLists({ today, comResponsibleDate: resp, comAllocatedDate: alloc, ...over, responsibility })
}

describe('A2 upcoming: in the window S - 56 .. S - 1 with no COM recorded (E.7)', () => {
  it.each([
    ['2025-04-05', false, 'the day before S - 56'],
    ['2025-04-06', true, 'on S - 56'],
    ['2025-05-31', true, 'on S - 1'],
  ])('%s upcoming %s (%s)', (today, expected) => {
    expect(lists({ today }).upcoming).toBe(expected)
  })

  it('on H the omic2023 case leaves upcoming for in progress', () => {
    const r = lists({ today: H })
    expect(r.upcoming).toBe(false)
    expect(r.inProgress).toBe(true)
  })

  it('an omic2021 case is upcoming from S - 56, keyed on the COM allocated date, not H (E.7)', () => {
    const alloc = '2025-03-01'
    expect(lists({ today: '2025-01-03', comAllocatedDate: alloc }).upcoming).toBe(false)
    expect(lists({ today: '2025-01-04', comAllocatedDate: alloc }).upcoming).toBe(true)
    expect(lists({ today: '2025-02-28', comAllocatedDate: alloc }).upcoming).toBe(true)
    const onStart = lists({ today: alloc, comAllocatedDate: alloc })
    expect(onStart.upcoming).toBe(false)
    expect(onStart.inProgress).toBe(true)
  })

  it('the window length is a setting (upcomingWindowDays)', () => {
    expect(lists({ today: '2025-05-17', upcomingWindowDays: 14 }).upcoming).toBe(false)
    expect(lists({ today: '2025-05-18', upcomingWindowDays: 14 }).upcoming).toBe(true)
  })
})

describe('A3 in progress: underway, or windowed with a COM recorded', () => {
  it('a windowed case moves from upcoming to in progress once a COM name is recorded', () => {
    const r = lists({ today: '2025-05-01', comName: 'Alex Brown' })
    expect(r).toMatchObject({ upcoming: false, inProgress: true })
  })

  it('an email alone records the COM (E.3)', () => {
    expect(lists({ today: '2025-05-01', comEmail: 'a.brown@justice.gov.uk' })).toMatchObject({ upcoming: false, inProgress: true })
  })

  it('whitespace is not a COM recorded', () => {
    expect(lists({ today: '2025-05-01', comName: '   ', comEmail: '\t' })).toMatchObject({ upcoming: true, inProgress: false })
  })

  it("a 'pom_with_com' case is in progress whatever the COM details (E.2)", () => {
    const r = lists({ today: '2025-04-01', comAllocatedDate: '2025-03-01' })
    expect(r).toMatchObject({ upcoming: false, inProgress: true, overdueTasks: false, comAllocationOverdue: false })
  })

  it('no handover date means no list (responsibility com from A.2)', () => {
    const r = lists({ today: '2025-05-01', comResponsibleDate: null })
    expect(Object.values(r).filter((v) => v === true)).toEqual([])
    expect(r.comAllocationDaysOverdue).toBeNull()
  })
})

describe('A4 overdue handover tasks: past the handover and the checklist not complete', () => {
  it.each([
    [null, true, 'no checklist'],
    [false, true, 'an incomplete checklist'],
    [true, false, 'a complete checklist'],
  ] as const)('checklistComplete %s -> %s (%s)', (checklistComplete, expected, _why) => {
    expect(lists({ today: H, comName: 'Alex Brown', checklistComplete }).overdueTasks).toBe(expected)
  })

  it('a windowed case with an incomplete checklist is not in it', () => {
    expect(lists({ today: '2025-05-31', comName: 'Alex Brown', checklistComplete: false }).overdueTasks).toBe(false)
  })
})

describe('A5/A6 COM allocation overdue from H + 2 with no COM recorded', () => {
  it.each([
    ['2025-06-01', false, null, 'on H'],
    ['2025-06-02', false, null, 'on H + 1'],
    ['2025-06-03', true, 2, 'on H + 2'],
    ['2025-06-11', true, 10, 'on H + 10'],
  ] as const)('%s overdue %s, days %s (%s)', (today, overdue, days, _why) => {
    const r = lists({ today })
    expect(r.comAllocationOverdue).toBe(overdue)
    expect(r.comAllocationDaysOverdue).toBe(days)
    expect(r.inProgress).toBe(true)
  })

  it('a COM recorded (name or email) is never allocation overdue', () => {
    expect(lists({ today: '2025-07-01', comEmail: 'x@y.gov.uk' }).comAllocationOverdue).toBe(false)
    expect(lists({ today: '2025-07-01', comName: 'X' }).comAllocationDaysOverdue).toBeNull()
  })
})

describe('A7 handover due soon: upcoming and within 14 days of the start', () => {
  it.each([
    ['2025-05-17', false, 'S - 15'],
    ['2025-05-18', true, 'S - 14'],
    ['2025-05-31', true, 'S - 1'],
  ])('%s due soon %s (%s)', (today, expected) => {
    expect(lists({ today }).dueSoon).toBe(expected)
  })

  it('an in-progress windowed case is not flagged due soon', () => {
    expect(lists({ today: '2025-05-31', comName: 'Alex Brown' }).dueSoon).toBe(false)
  })
})

describe('A1 released: on no list', () => {
  it.each([
    ['2025-06-10', true, 'released the day before today'],
    ['2025-06-11', true, 'released today'],
    ['2025-06-12', false, 'release tomorrow'],
  ])('earliest release %s -> on no list %s (%s)', (earliestReleaseDate, none) => {
    const r = lists({ today: '2025-06-11', earliestReleaseDate })
    expect(r.comAllocationOverdue).toBe(!none)
    expect(r.inProgress).toBe(!none)
    if (none) expect(r.comAllocationDaysOverdue).toBeNull()
  })
})

describe('A.2 responsibilityFromHandoverDates', () => {
  it.each([
    ['2025-02-28', 'pom', 'the day before S'],
    ['2025-03-01', 'pom_with_com', 'on S'],
    ['2025-05-31', 'pom_with_com', 'the day before H'],
    ['2025-06-01', 'com', 'on H'],
  ] as const)('%s -> %s (%s)', (today, expected, _why) => {
    expect(responsibilityFromHandoverDates({ today, comAllocatedDate: '2025-03-01', comResponsibleDate: H }).responsibility).toBe(expected)
  })

  it("no handover date gives 'com', even with a COM allocated date", () => {
    expect(responsibilityFromHandoverDates({ today: '2025-01-01', comAllocatedDate: '2025-03-01', comResponsibleDate: null }).responsibility).toBe('com')
  })

  it('with no COM allocated date S is H: pom the day before, com on the day', () => {
    expect(responsibilityFromHandoverDates({ today: '2025-05-31', comResponsibleDate: H }).responsibility).toBe('pom')
    expect(responsibilityFromHandoverDates({ today: H, comResponsibleDate: H }).responsibility).toBe('com')
  })
})

describe('section 0: bad input throws CaseInputError naming the field', () => {
  it.each([
    [{ today: '2025-02-30' }, 'today'],
    [{ comResponsibleDate: '01/06/2025' }, 'comResponsibleDate'],
    [{ earliestReleaseDate: 'soon' }, 'earliestReleaseDate'],
    [{ upcomingWindowDays: -1 }, 'upcomingWindowDays'],
  ] as const)('%o names %s', (over, field) => {
    const input = { today: '2025-05-01', responsibility: 'pom' as const, comResponsibleDate: H, ...over }
    expect(() => handoverLists(input)).toThrowError(CaseInputError)
    expect(() => handoverLists(input)).toThrowError(new RegExp(`^${field}:`))
  })

  it('an unknown responsibility names responsibility', () => {
    expect(() => handoverLists({ today: '2025-05-01', responsibility: 'prison' as never, comResponsibleDate: H })).toThrowError(/^responsibility:/)
  })
})
