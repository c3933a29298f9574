// Handover reasons in words (issue 20; ../shared/specs/handover-2023.md section 2 gives the labels).
import { describe, expect, it } from 'vitest'
import { calculateHandover, evaluateCase, type CaseInput } from '../../shared/engine/index'
import { handoverReasonLabel, noHandoverDatesText } from '../../renderer/src/lib/handoverText'

describe('handover reason labels (handover spec section 2)', () => {
  it.each([
    ['additional_isp', 'Additional ISP: POM responsible'],
    ['recall_thd_over_12_months', 'Recall, next parole hearing more than 12 months away'],
    ['thd_over_12_months', 'Next parole hearing more than 12 months away'],
    ['parole_mappa_2_3', 'Parole not granted and MAPPA 2/3'],
    ['immigration_case', 'Immigration case'],
    ['indeterminate_open', 'Indeterminate, open conditions'],
  ])('%s reads "%s"', (reason, label) => {
    expect(handoverReasonLabel(reason)).toBe(label)
  })

  it('a code the renderer does not know (e.g. from a newer version) is shown as it is', () => {
    expect(handoverReasonLabel('some_new_reason')).toBe('some_new_reason')
    expect(handoverReasonLabel('toString')).toBe('toString') // not an inherited property
  })
})

describe("the caseload's handover column explains a no-dates result (issue 20)", () => {
  const isp = (o: Partial<CaseInput>): CaseInput => ({ sentenceType: 'indeterminate', sentenceStartDate: '2015-05-01', tariffDate: '2020-01-01', ...o })
  // Handover spec R2: today 2025-03-10, a hearing on 2026-03-11 is more than 12 months away.
  it.each<[string, CaseInput, string]>([
    ['R2b', isp({ targetHearingDate: '2026-03-11', paroleOutcome: 'not_release', mappaLevel: 3 }), 'COM responsible: parole not granted, MAPPA 2/3'],
    ['R2c', isp({ targetHearingDate: '2026-03-11', paroleOutcome: 'not_release' }), 'POM responsible, COM supporting: next parole hearing more than 12 months away'],
    ['R1', isp({ additionalIsp: true }), 'POM responsible: additional ISP'],
    ['R3', isp({ immigrationCase: true }), 'COM responsible: immigration case'],
  ])('%s: responsibility and reason in words', (_rule, input, text) => {
    const e = evaluateCase(input, '2025-03-10', 'omic2023')
    expect(e.handover).toEqual(calculateHandover(input, '2025-03-10', 'omic2023'))
    expect([e.handover.comAllocatedDate, e.handover.comResponsibleDate]).toEqual([null, null])
    expect(noHandoverDatesText(e.responsibility, e.handover.reason)).toBe(text)
  })
})
