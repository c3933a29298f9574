// Handover type, checklist, who may tick it and when it resets: ../shared/specs/mpc-rules.md
// section D (D.1-D.5), with E.2 (a 'pom_with_com' checklist is editable) and E.6 (settings).
import { describe, expect, it } from 'vitest'
import {
  CaseInputError,
  CHECKLIST_TASK_LABELS,
  checklistEditable,
  checklistReset,
  handoverChecklist,
  handoverType,
} from '../../../../shared/engine/index'

describe('D.2 handoverType: the first that applies', () => {
  it.each([
    [{ hasCaseInformation: false, hasCalculatedHandover: true, reason: 'determinate', enhancedResourcing: true }, 'missing'],
    [{ hasCaseInformation: true, hasCalculatedHandover: false, reason: null, enhancedResourcing: false }, 'missing'],
    [{ hasCaseInformation: true, hasCalculatedHandover: true, reason: 'less_than_10_months_to_serve', enhancedResourcing: true }, 'none'],
    [{ hasCaseInformation: true, hasCalculatedHandover: true, reason: 'determinate', enhancedResourcing: true }, 'enhanced'],
    [{ hasCaseInformation: true, hasCalculatedHandover: true, reason: 'determinate', enhancedResourcing: null }, 'enhanced'],
    [{ hasCaseInformation: true, hasCalculatedHandover: true, reason: 'determinate', enhancedResourcing: false }, 'standard'],
  ] as const)('%o -> %s', (input, expected) => {
    expect(handoverType(input).handoverType).toBe(expected)
  })
})

describe('D.3 handoverChecklist', () => {
  it('D1: a standard (or none/missing) handover has contact from COM and the handover report', () => {
    for (const type of ['standard', 'none', 'missing'] as const) {
      expect(handoverChecklist({ handoverType: type, comResponsibleDate: '2027-01-01', checklist: null }).taskFields).toEqual(['contactedCom', 'sentHandoverReport'])
    }
  })

  it('D1: an enhanced handover has OASys review, COM contact and the handover meeting', () => {
    expect(handoverChecklist({ handoverType: 'enhanced', comResponsibleDate: '2027-01-01', checklist: null }).taskFields).toEqual([
      'reviewedOasys',
      'contactedCom',
      'attendedHandoverMeeting',
    ])
  })

  it.each([
    ['2026-08-31', ['reviewedOasys', 'contactedCom', 'attendedHandoverMeeting'], 'the day before the cut-off'],
    ['2026-09-01', ['reviewedOasys', 'contactedCom'], 'on the cut-off'],
  ])('D1 simplified enhanced handover, handover %s (%s)', (comResponsibleDate, expected) => {
    expect(handoverChecklist({ handoverType: 'enhanced', comResponsibleDate, simplifiedEnhancedHandover: true, checklist: null }).taskFields).toEqual(expected)
  })

  it('D1: the simplified set needs the setting on (E.6) and a handover date', () => {
    expect(handoverChecklist({ handoverType: 'enhanced', comResponsibleDate: '2027-01-01', checklist: null }).total).toBe(3)
    expect(handoverChecklist({ handoverType: 'enhanced', comResponsibleDate: null, simplifiedEnhancedHandover: true, checklist: null }).total).toBe(3)
    expect(
      handoverChecklist({ handoverType: 'enhanced', comResponsibleDate: '2025-01-01', simplifiedEnhancedHandover: true, simplifiedHandoverCutoffDate: '2025-01-01', checklist: null }).total,
    ).toBe(2)
  })

  it('D2: completion holds the applicable tasks only, in set order; other tasks are ignored', () => {
    const r = handoverChecklist({ handoverType: 'standard', comResponsibleDate: null, checklist: { reviewedOasys: true, sentHandoverReport: true } })
    expect(r.taskCompletionData).toEqual({ contactedCom: false, sentHandoverReport: true })
    expect(Object.keys(r.taskCompletionData)).toEqual(['contactedCom', 'sentHandoverReport'])
    expect(r).toMatchObject({ completeCount: 1, total: 2, complete: false })
  })

  it('D2/D3: no checklist is all false and never complete', () => {
    expect(handoverChecklist({ handoverType: 'standard', comResponsibleDate: null, checklist: null })).toEqual({
      taskFields: ['contactedCom', 'sentHandoverReport'],
      taskCompletionData: { contactedCom: false, sentHandoverReport: false },
      completeCount: 0,
      total: 2,
      complete: false,
    })
  })

  it('D3: complete when every applicable task is true', () => {
    const r = handoverChecklist({ handoverType: 'standard', comResponsibleDate: null, checklist: { contactedCom: true, sentHandoverReport: true, reviewedOasys: false } })
    expect(r).toMatchObject({ completeCount: 2, complete: true })
  })

  it('D.1 labels are the spec texts', () => {
    expect(CHECKLIST_TASK_LABELS.reviewedOasys).toBe('Review the last OASys assessment')
    expect(CHECKLIST_TASK_LABELS.attendedHandoverMeeting).toBe('Attend handover meeting')
  })

  it('bad input throws naming the field', () => {
    expect(() => handoverChecklist({ handoverType: 'big' as never, comResponsibleDate: null, checklist: null })).toThrowError(/^handoverType:/)
    expect(() => handoverChecklist({ handoverType: 'standard', comResponsibleDate: null, checklist: { contactedCom: 'yes' as never } })).toThrowError(CaseInputError)
  })
})

describe('D.4 checklistEditable', () => {
  const base = { today: '2025-05-01', isAllocatedPom: true, responsibility: 'pom' as const, comResponsibleDate: '2025-06-01' }

  it.each([
    ['2025-04-05', false, 'the day before the window'],
    ['2025-04-06', true, 'on S - 56'],
    ['2025-05-31', true, 'on S - 1'],
  ])('POM responsible on %s: editable %s (%s)', (today, expected) => {
    expect(checklistEditable({ ...base, today }).editable).toBe(expected)
  })

  it("'pom_with_com' and 'com' with a handover date are editable (E.2)", () => {
    expect(checklistEditable({ ...base, responsibility: 'pom_with_com', comAllocatedDate: '2025-03-01' }).editable).toBe(true)
    expect(checklistEditable({ ...base, today: '2025-07-01', responsibility: 'com' }).editable).toBe(true)
  })

  it('only an allocated POM may tick', () => {
    expect(checklistEditable({ ...base, isAllocatedPom: false }).editable).toBe(false)
  })

  it.each([
    ['2025-05-01', false, 'released today'],
    ['2025-05-02', true, 'released tomorrow'],
  ])('earliest release %s: editable %s (%s)', (earliestReleaseDate, expected) => {
    expect(checklistEditable({ ...base, earliestReleaseDate }).editable).toBe(expected)
  })

  it('no handover date: not editable', () => {
    expect(checklistEditable({ ...base, responsibility: 'com', comResponsibleDate: null }).editable).toBe(false)
  })
})

describe('D.5 checklistReset', () => {
  const today = '2025-01-01'

  it("(a) responsibility moved back to 'pom' resets, even inside the upcoming window", () => {
    expect(checklistReset({ today, before: { responsibility: 'com', comResponsibleDate: '2024-12-01' }, after: { responsibility: 'pom', comResponsibleDate: '2025-02-01' } }).reset).toBe(true)
  })

  it("(a) the first recorded state (before null) resets when it is 'pom'", () => {
    expect(checklistReset({ today, before: { responsibility: null, comResponsibleDate: null }, after: { responsibility: 'pom', comResponsibleDate: '2026-01-01' } }).reset).toBe(true)
    expect(checklistReset({ today, before: { responsibility: null, comResponsibleDate: null }, after: { responsibility: 'com', comResponsibleDate: '2024-12-01' } }).reset).toBe(false)
  })

  it('no reset when responsibility moves forward', () => {
    expect(checklistReset({ today, before: { responsibility: 'pom', comResponsibleDate: '2025-01-01' }, after: { responsibility: 'com', comResponsibleDate: '2025-01-01' } }).reset).toBe(false)
    expect(checklistReset({ today, before: { responsibility: 'pom_with_com', comResponsibleDate: '2025-01-01' }, after: { responsibility: 'com', comResponsibleDate: '2025-01-01' } }).reset).toBe(false)
  })

  it.each([
    ['2025-02-26', false, 'new date 56 days away: still in the window'],
    ['2025-02-27', true, 'new date 57 days away: out of the window'],
  ])('(b) handover date moved to %s: reset %s (%s)', (comResponsibleDate, expected) => {
    expect(checklistReset({ today, before: { responsibility: 'pom', comResponsibleDate: '2025-02-10' }, after: { responsibility: 'pom', comResponsibleDate } }).reset).toBe(expected)
  })

  it('(b) no reset when the date is unchanged', () => {
    expect(checklistReset({ today, before: { responsibility: 'pom', comResponsibleDate: '2026-02-10' }, after: { responsibility: 'pom', comResponsibleDate: '2026-02-10' } }).reset).toBe(false)
  })
})
