// Demand (issue 19, "Demand"): supervision sessions the minima require (seed 003 Annex B via the
// case engine), handover work (seed 002 baseline 3.2), allocation of receptions (seed 002
// baseline 1.2) and the tasks the target stage reinstates (seed 002 stages 3 to 1). Dates worked
// by hand from TODAY = 2025-03-03 (a Monday; week i starts on 2025-03-03 + 7i).
import { describe, expect, it } from 'vitest'
import type { CaseWeekDemand, ResourcingInput } from '../../../../shared/engine/resourcing/index'
import { DEFAULT_ASSUMPTIONS, projectResourcing } from '../../../../shared/engine/resourcing/index'
import { caseOf, determinateCase, input, TODAY } from './fixtures'

const lines = (i: ResourcingInput): Pick<CaseWeekDemand, 'caseId' | 'work' | 'week' | 'sessions' | 'hours'>[] =>
  projectResourcing(i, TODAY).caseDemand.map(({ caseId, work, week, sessions, hours }) => ({ caseId, work, week, sessions, hours }))

// Release far off: no handover in the horizon, no pre-handover window.
const LONG = { sentenceStartDate: '2025-02-10', conditionalReleaseDate: '2030-02-10' }

describe('supervision sessions the minima require (seed 003 Annex B)', () => {
  it('start of custody: allocated today, 3 sessions due by 2025-05-26 (week 12) fall in weeks 0, 4 and 8', () => {
    // Window 2025-03-03 .. 2025-05-26 (84 days); weeks 0..12 left, k = 13: floor(0), floor(13/3), floor(26/3).
    const c = caseOf('A', 'pom-1', determinateCase({ ...LONG, pomAllocatedDate: '2025-03-03' }))
    expect(lines(input({ caseload: [c] }))).toEqual([0, 4, 8].map((week) => ({ caseId: 'A', work: 'start_of_custody', week, sessions: 1, hours: 1.5 })))
  })

  it('start of custody with one session held: 2 more between today and 2025-05-12 (week 10) fall in weeks 0 and 5', () => {
    // Allocated 2025-02-17: window to 2025-05-12, which is today + 70, week 10; k = 11: 0, floor(11/2) = 5.
    const c = caseOf('A', 'pom-1', determinateCase({ ...LONG, pomAllocatedDate: '2025-02-17', sessions: [{ date: '2025-02-20', inPerson: true }] }))
    expect(lines(input({ caseload: [c] })).map((l) => l.week)).toEqual([0, 5])
  })

  it('a session not in person does not count: 3 still outstanding', () => {
    const c = caseOf('A', 'pom-1', determinateCase({ ...LONG, pomAllocatedDate: '2025-02-17', sessions: [{ date: '2025-02-20', inPerson: false }] }))
    // k = 11 weeks for 3 sessions: 0, floor(11/3) = 3, floor(22/3) = 7.
    expect(lines(input({ caseload: [c] })).map((l) => l.week)).toEqual([0, 3, 7])
  })

  it('transfer arrival on Thu 2025-02-27: 1 session due by 2025-03-19 (14 working days), placed in week 0', () => {
    const c = caseOf('T', 'pom-1', determinateCase({ ...LONG, arrivalDate: '2025-02-27' }))
    const r = projectResourcing(input({ caseload: [c] }), TODAY)
    expect(r.caseDemand).toEqual([{ caseId: 'T', pomId: 'pom-1', pomType: 'prison', week: 0, work: 'transfer_arrival', sessions: 1, hours: 1.5 }])
  })

  it('a met or overdue minimum needs no sessions', () => {
    const met = caseOf('M', 'pom-1', determinateCase({ ...LONG, arrivalDate: '2025-02-27', sessions: [{ date: '2025-02-28', inPerson: true }] }))
    // Arrived 2024-12-02: the 14 working days ended in December; overdue, cannot be met any more.
    const overdue = caseOf('O', 'pom-1', determinateCase({ sentenceStartDate: '2024-01-01', conditionalReleaseDate: '2030-01-01', arrivalDate: '2024-12-02' }))
    expect(lines(input({ caseload: [met, overdue] }))).toEqual([])
  })

  it('two sessions of one minimum in one week are one line with 2 sessions (a case counted once per week per minimum)', () => {
    // Allocated 2024-12-16: window ends 2025-03-10 (week 1); 3 outstanding over k = 2 weeks: 0, 0, 1.
    const c = caseOf('A', 'pom-1', determinateCase({ sentenceStartDate: '2024-12-16', conditionalReleaseDate: '2030-01-01', pomAllocatedDate: '2024-12-16' }))
    expect(lines(input({ caseload: [c] }))).toEqual([
      { caseId: 'A', work: 'start_of_custody', week: 0, sessions: 2, hours: 3 },
      { caseId: 'A', work: 'start_of_custody', week: 1, sessions: 1, hours: 1.5 },
    ])
  })
})

describe('pre-handover sessions and handover work (seed 003 Annex B; seed 002 baseline 3.2)', () => {
  // omic2021 determinate, MAPPA 1, CRD 2025-12-01: COM allocated 7 months 15 days before, on
  // 2025-04-16 (Wed of week 6). Release is more than 20 months after the 2023-01-02 start, so 3
  // pre-handover sessions in 2025-01-16 .. 2025-04-16: weeks 0..6 left, k = 7: 0, 2, 4.
  const c = caseOf('H', 'pom-1', determinateCase({ conditionalReleaseDate: '2025-12-01', mappaLevel: 1 }))

  it('3 pre-handover sessions in weeks 0, 2 and 4 and one handover in week 6', () => {
    expect(lines(input({ caseload: [c] }))).toEqual([
      { caseId: 'H', work: 'pre_handover', week: 0, sessions: 1, hours: 1.5 },
      { caseId: 'H', work: 'pre_handover', week: 2, sessions: 1, hours: 1.5 },
      { caseId: 'H', work: 'pre_handover', week: 4, sessions: 1, hours: 1.5 },
      { caseId: 'H', work: 'handover', week: 6, sessions: 0, hours: 3 },
    ])
  })

  it("the work falls on the POM's type; an unallocated case's work is shared", () => {
    const r = projectResourcing(input({ poms: [{ ...input().poms[0]!, type: 'probation' }], caseload: [c, { ...c, id: 'U', pomId: null }] }), TODAY)
    const w6 = r.weeks[6]!
    expect([w6.needed.probation.handovers, w6.needed.prison.handovers, w6.needed.shared.handovers]).toEqual([1, 0, 1])
    expect(r.weeks[0]!.needed.probation.supervisionHours).toBe(1.5)
    expect(r.weeks[0]!.needed.shared.supervisionHours).toBe(1.5)
  })

  it('edited hours per session and per handover are used', () => {
    const r = projectResourcing(input({ caseload: [c], assumptions: { hoursPerSupervisionSession: 2, hoursPerHandover: 5 } }), TODAY)
    expect(r.weeks[0]!.needed.prison.hours).toBe(2)
    expect(r.weeks[6]!.needed.prison.hours).toBe(5)
  })
})

describe('receptions (issue 19: receptions per week, seed 002 baseline 1.2)', () => {
  it('2 receptions a week: 2 allocations every week, and their start of custody sessions in weeks a, a + 4, a + 8', () => {
    const r = projectResourcing(input({ receptionsPerWeek: 2 }), TODAY)
    expect(r.weeks.map((w) => w.needed.shared.allocations)).toEqual(Array(12).fill(2))
    expect(r.weeks.map((w) => w.needed.shared.allocationHours)).toEqual(Array(12).fill(2 * DEFAULT_ASSUMPTIONS.hoursPerAllocation))
    // Week w holds the sessions of the receptions of weeks w, w - 4 and w - 8 that exist.
    expect(r.weeks.map((w) => w.needed.shared.supervisionSessions)).toEqual([2, 2, 2, 2, 4, 4, 4, 4, 6, 6, 6, 6])
  })

  it('the share of receptions needing start of custody sessions scales them; 0 removes them', () => {
    const half = projectResourcing(input({ receptionsPerWeek: 2, assumptions: { receptionShareNeedingStartOfCustody: 0.5 } }), TODAY)
    expect(half.weeks.map((w) => w.needed.shared.supervisionSessions)).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3])
    const none = projectResourcing(input({ receptionsPerWeek: 2, assumptions: { receptionShareNeedingStartOfCustody: 0 } }), TODAY)
    expect(none.weeks.every((w) => w.needed.shared.supervisionSessions === 0)).toBe(true)
  })
})

describe('tasks reinstated at the target stage (seed 002 stages 3 to 1)', () => {
  it('stage 4 to 3: the stage 3 descriptor items and the 22 baselines; default hours 4 + 6 + 4 (s3.4-s3.6) + 10 (baselines) a week', () => {
    const r = projectResourcing(input({ currentStage: 4, targetStage: 3 }), TODAY)
    expect(r.tasks.filter((t) => t.source === 'stage_item').map((t) => t.id)).toEqual(['s3.1', 's3.2', 's3.3', 's3.4', 's3.5', 's3.6'])
    expect(r.tasks.filter((t) => t.source === 'baseline')).toHaveLength(22)
    expect(r.weeks.map((w) => w.needed.shared.taskHours)).toEqual(Array(12).fill(24))
  })

  it('stage 3 to 2: the stage 2 items only (s2.3 6 h, s2.5 4 h)', () => {
    const r = projectResourcing(input({ currentStage: 3, targetStage: 2 }), TODAY)
    expect(r.tasks.map((t) => t.id)).toEqual(['s2.1', 's2.2', 's2.3', 's2.4', 's2.5'])
    expect(r.weeks[0]!.needed.shared.taskHours).toBe(10)
  })

  it('staying at a stage or tightening reinstates nothing', () => {
    expect(projectResourcing(input({ currentStage: 3, targetStage: 3 }), TODAY).tasks).toEqual([])
    expect(projectResourcing(input({ currentStage: 2, targetStage: 3 }), TODAY).tasks).toEqual([])
  })

  it('an edited estimate replaces that task default only', () => {
    const r = projectResourcing(input({ currentStage: 3, targetStage: 2, assumptions: { taskHoursPerWeek: { 's2.3': 1, 's2.1': 2 } } }), TODAY)
    expect(r.tasks.map((t) => t.hoursPerWeek)).toEqual([2, 0, 1, 0, 4])
    expect(r.weeks[0]!.needed.shared.taskHours).toBe(7)
  })
})

describe('case management hours (off by default)', () => {
  it('counted in each week the POM is responsible: a recall (COM from the start) adds none', () => {
    const pomCase = caseOf('P', 'pom-1', determinateCase(LONG))
    const recall = caseOf('R', 'pom-1', determinateCase({ ...LONG, recall: true }))
    const off = projectResourcing(input({ caseload: [pomCase, recall] }), TODAY)
    expect(off.weeks[0]!.needed.prison.caseManagementHours).toBe(0)
    const on = projectResourcing(input({ caseload: [pomCase, recall], assumptions: { caseManagementHoursPerCasePerWeek: 0.5 } }), TODAY)
    expect(on.weeks.map((w) => w.needed.prison.caseManagementHours)).toEqual(Array(12).fill(0.5))
  })

  it('stops in the week the COM becomes responsible', () => {
    // omic2021, MAPPA 1, CRD 2025-08-01: COM responsible 4 months 15 days before, 2025-03-17 (Monday of week 2).
    const c = caseOf('C', 'pom-1', determinateCase({ conditionalReleaseDate: '2025-08-01', mappaLevel: 1 }))
    const r = projectResourcing(input({ caseload: [c], assumptions: { caseManagementHoursPerCasePerWeek: 1 } }), TODAY)
    expect(r.weeks.map((w) => w.needed.prison.caseManagementHours)).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
  })
})

describe('assumptions', () => {
  it('without edits the projection uses and reports DEFAULT_ASSUMPTIONS (assumptions.ts, seed 002)', () => {
    const r = projectResourcing(input(), TODAY)
    expect(r.assumptions).toEqual(DEFAULT_ASSUMPTIONS)
    expect(Object.isFrozen(DEFAULT_ASSUMPTIONS.taskHoursPerWeek)).toBe(true)
  })
})
