// Early allocation: ../shared/specs/mpc-rules.md section C (C.2 OASys date, C.3 outcome C1-C5,
// C.4 referral window, C.5 state C6-C10), with the app's reading that today's OASys date is valid (E.5).
import { describe, expect, it } from 'vitest'
import {
  CaseInputError,
  earlyAllocationOutcome,
  earlyAllocationState,
  validateOasysDate,
  withinReferralWindow,
  type EarlyAllocationAnswers,
  type EarlyAllocationRecord,
  type EarlyAllocationStateInput,
} from '../../../../shared/engine'

const allNo: EarlyAllocationAnswers = {
  convictedUnderTerrorismAct2000: false,
  highProfile: false,
  seriousCrimePreventionOrder: false,
  mappaLevel3: false,
  cppcCase: false,
  extremismSeparation: false,
  dueForReleaseInLessThan24Months: null,
  highRiskOfSeriousHarm: false,
  mappaLevel2: false,
  pathfinderProcess: false,
  otherReason: false,
}

describe('C.2 validateOasysDate (today 2026-11-29; three months back is 2026-08-29)', () => {
  const check = (d: string | null) => validateOasysDate({ today: '2026-11-29', oasysRiskAssessmentDate: d })
  it('blank first', () => expect(check(null)).toEqual({ valid: false, error: 'blank', message: 'Enter the date of the last OASys risk assessment' }))
  it('exactly three months ago is too old (≤ addMonths(today, −3))', () => expect(check('2026-08-29')).toEqual({ valid: false, error: 'too_old', message: 'This date must be in the last 3 months' }))
  it('the day after is valid', () => expect(check('2026-08-30')).toEqual({ valid: true, error: null, message: null }))
  it('today is valid (app, E.5)', () => expect(check('2026-11-29').valid).toBe(true))
  it('tomorrow is in the future', () => expect(check('2026-11-30')).toEqual({ valid: false, error: 'in_future', message: 'This must not be a date in the future' }))
  it('addMonths clamps: on 2026-05-31 the limit is 2026-02-28', () => {
    expect(validateOasysDate({ today: '2026-05-31', oasysRiskAssessmentDate: '2026-02-28' }).error).toBe('too_old')
    expect(validateOasysDate({ today: '2026-05-31', oasysRiskAssessmentDate: '2026-03-01' }).valid).toBe(true)
  })
  it('an invalid date throws naming the field', () => expect(() => check('2026-02-30')).toThrow(/^oasysRiskAssessmentDate:/))
})

describe('C.3 earlyAllocationOutcome', () => {
  describe('C1 missing answers', () => {
    it('nothing answered: the five stage-1 questions, in order', () => {
      expect(earlyAllocationOutcome({}).missingAnswers).toEqual(['convictedUnderTerrorismAct2000', 'highProfile', 'seriousCrimePreventionOrder', 'mappaLevel3', 'cppcCase'])
    })
    it('a stage-1 null is listed even when another stage-1 answer is yes', () => {
      const r = earlyAllocationOutcome({ ...allNo, highProfile: true, cppcCase: null })
      expect(r).toEqual({ missingAnswers: ['cppcCase'], outcome: null, finalEligible: false, awaitingCommunityDecision: false, shortOutcome: null, longOutcome: null })
    })
    it('stage 1 all no: the required stage-2 nulls; dueForRelease only after an extremism separation yes', () => {
      const stage1 = { convictedUnderTerrorismAct2000: false, highProfile: false, seriousCrimePreventionOrder: false, mappaLevel3: false, cppcCase: false }
      expect(earlyAllocationOutcome(stage1).missingAnswers).toEqual(['extremismSeparation', 'highRiskOfSeriousHarm', 'mappaLevel2', 'pathfinderProcess', 'otherReason'])
      expect(earlyAllocationOutcome({ ...stage1, extremismSeparation: true }).missingAnswers).toEqual(['dueForReleaseInLessThan24Months', 'highRiskOfSeriousHarm', 'mappaLevel2', 'pathfinderProcess', 'otherReason'])
    })
    it('a stage-1 yes needs no stage-2 answers', () => {
      expect(earlyAllocationOutcome({ convictedUnderTerrorismAct2000: true, highProfile: false, seriousCrimePreventionOrder: false, mappaLevel3: false, cppcCase: false }).outcome).toBe('eligible')
    })
  })

  describe('C2 outcome', () => {
    it('any stage-1 yes: eligible', () => expect(earlyAllocationOutcome({ ...allNo, mappaLevel3: true }).outcome).toBe('eligible'))
    it('(a) every stage-2 answer no: ineligible', () => expect(earlyAllocationOutcome(allNo).outcome).toBe('ineligible'))
    it('(b) extremism separation yes and not due for release within 24 months: ineligible even with other yeses', () => {
      expect(earlyAllocationOutcome({ ...allNo, extremismSeparation: true, dueForReleaseInLessThan24Months: false, highRiskOfSeriousHarm: true }).outcome).toBe('ineligible')
    })
    it('extremism separation yes and due within 24 months: discretionary', () => {
      expect(earlyAllocationOutcome({ ...allNo, extremismSeparation: true, dueForReleaseInLessThan24Months: true }).outcome).toBe('discretionary')
    })
    it('a stage-2 yes (very high RoSH): discretionary', () => expect(earlyAllocationOutcome({ ...allNo, highRiskOfSeriousHarm: true }).outcome).toBe('discretionary'))
  })

  describe('C3-C5 final eligibility and texts', () => {
    const disc = { ...allNo, otherReason: true }
    it('eligible inside the window', () => {
      expect(earlyAllocationOutcome({ ...allNo, cppcCase: true })).toEqual({
        missingAnswers: [],
        outcome: 'eligible',
        finalEligible: true,
        awaitingCommunityDecision: false,
        shortOutcome: 'Eligible',
        longOutcome: 'Eligible - the community probation team will take responsibility for this case early',
      })
    })
    it('eligible outside the window: not sent', () => {
      expect(earlyAllocationOutcome({ ...allNo, cppcCase: true, createdWithinReferralWindow: false }).longOutcome).toBe('Eligible - assessment not sent to the community probation team')
    })
    it('discretionary inside the window awaits the community decision', () => {
      expect(earlyAllocationOutcome(disc)).toMatchObject({ awaitingCommunityDecision: true, shortOutcome: 'Waiting for community decision', longOutcome: 'Discretionary - the community probation team will make a decision' })
    })
    it('discretionary outside the window: not sent, not awaiting (the short text ignores the window)', () => {
      expect(earlyAllocationOutcome({ ...disc, createdWithinReferralWindow: false })).toMatchObject({
        awaitingCommunityDecision: false,
        shortOutcome: 'Waiting for community decision',
        longOutcome: 'Discretionary - assessment not sent to the community probation team',
      })
    })
    it('community decision yes makes it final-eligible; no makes it not eligible', () => {
      expect(earlyAllocationOutcome({ ...disc, communityDecision: true })).toMatchObject({ finalEligible: true, shortOutcome: 'Eligible', awaitingCommunityDecision: false })
      expect(earlyAllocationOutcome({ ...disc, communityDecision: false })).toMatchObject({ finalEligible: false, shortOutcome: 'Not eligible', longOutcome: 'Not eligible' })
    })
    it('ineligible reads Not eligible', () => expect(earlyAllocationOutcome(allNo)).toMatchObject({ shortOutcome: 'Not eligible', longOutcome: 'Not eligible' }))
    it('an answer that is not a boolean throws naming it', () => {
      expect(() => earlyAllocationOutcome({ ...allNo, highProfile: 'yes' as unknown as boolean })).toThrow(CaseInputError)
      expect(() => earlyAllocationOutcome({ ...allNo, highProfile: 'yes' as unknown as boolean })).toThrow(/^highProfile:/)
    })
  })
})

describe('C.4 withinReferralWindow (18 months, inclusive; today 2026-11-29 → 2028-05-29)', () => {
  const w = (i: object) => withinReferralWindow({ today: '2026-11-29', ...i }).withinReferralWindow
  it('the earliest date exactly 18 months ahead is inside; a day later is outside', () => {
    expect(w({ conditionalReleaseDate: '2028-05-29' })).toBe(true)
    expect(w({ conditionalReleaseDate: '2028-05-30' })).toBe(false)
  })
  it('the earliest of the five counts', () => expect(w({ conditionalReleaseDate: '2030-01-01', paroleEligibilityDate: '2027-01-01' })).toBe(true))
  it('past dates count', () => expect(w({ tariffDate: '2020-01-01' })).toBe(true))
  it('all unknown: outside', () => expect(w({})).toBe(false))
  it('each of TED, PED, THD, ARD, CRD counts', () => {
    for (const f of ['tariffDate', 'paroleEligibilityDate', 'targetHearingDate', 'automaticReleaseDate', 'conditionalReleaseDate']) expect(w({ [f]: '2027-06-01' })).toBe(true)
  })
})

describe('C.5 earlyAllocationState', () => {
  const a = (createdOn: string, outcome: EarlyAllocationRecord['outcome'], within: boolean, decision: boolean | null = null): EarlyAllocationRecord => ({
    createdOn,
    outcome,
    createdWithinReferralWindow: within,
    communityDecision: decision,
  })
  const st = (i: Partial<EarlyAllocationStateInput>) => earlyAllocationState({ today: '2026-11-29', sentenceStartDate: '2025-01-01', withinReferralWindow: true, assessments: [], ...i })

  it('no assessment: Not assessed, Start assessment', () => {
    expect(st({})).toEqual({ earlyAllocation: false, state: null, statusText: 'Not assessed', badge: null, actionLink: 'Start assessment', needsNotify: false })
  })
  it('C7/C8 eligible inside the window: early allocation, handover date updated', () => {
    expect(st({ assessments: [a('2026-10-01', 'eligible', true)] })).toEqual({
      earlyAllocation: true,
      state: 'eligible',
      statusText: 'Eligible - case handover date has been updated',
      badge: 'eligible',
      actionLink: 'View assessment',
      needsNotify: false,
    })
  })
  it('C7 a community yes on a discretionary assessment counts', () => expect(st({ assessments: [a('2026-10-01', 'discretionary', true, true)] }).earlyAllocation).toBe(true))
  it('C6 an assessment before this sentence started does not count', () => {
    expect(st({ assessments: [a('2024-12-31', 'eligible', true)] }).state).toBeNull()
    expect(st({ assessments: [a('2025-01-01', 'eligible', true)] }).state).toBe('eligible')
  })
  it('C7 licence expiring today still counts; expired yesterday does not (and reads Not assessed)', () => {
    expect(st({ licenceExpiryDate: '2026-11-29', assessments: [a('2026-10-01', 'eligible', true)] }).earlyAllocation).toBe(true)
    expect(st({ licenceExpiryDate: '2026-11-28', assessments: [a('2026-10-01', 'eligible', true)] })).toMatchObject({ earlyAllocation: false, state: null })
  })
  it('C8 decision pending: last is discretionary inside the window with no decision', () => {
    expect(st({ assessments: [a('2026-10-01', 'discretionary', true)] })).toMatchObject({ state: 'decision_pending', badge: 'decision pending', actionLink: 'Record community decision' })
  })
  it('C8/C10 call to action: an eligible assessment made outside the window, now inside it', () => {
    expect(st({ assessments: [a('2025-06-01', 'eligible', false)] })).toMatchObject({ state: 'call_to_action', statusText: 'New assessment required', needsNotify: true })
  })
  it('C8 outside the window today the same record is only a saved assessment', () => {
    expect(st({ withinReferralWindow: false, assessments: [a('2025-06-01', 'eligible', false)] })).toMatchObject({ state: 'assessment_saved', statusText: 'Has saved assessments', needsNotify: false })
  })
  it('C8 call to action looks at any assessment, not only the last', () => {
    expect(st({ assessments: [a('2025-06-01', 'discretionary', false), a('2026-10-01', 'ineligible', true)] })).toMatchObject({ state: 'call_to_action', needsNotify: false })
  })
  it('C8 an ineligible last assessment is a saved assessment', () => expect(st({ assessments: [a('2026-10-01', 'ineligible', true)] }).state).toBe('assessment_saved'))
  it('C8 a community no is a saved assessment', () => expect(st({ assessments: [a('2026-10-01', 'discretionary', true, false)] }).state).toBe('assessment_saved'))
  it('C10 no notify once an assessment was made inside the window, nor for an ineligible one outside it', () => {
    expect(st({ assessments: [a('2025-06-01', 'ineligible', false)] }).needsNotify).toBe(false)
  })
  it('bad records throw naming the field', () => {
    expect(() => st({ assessments: [{ ...a('2026-10-01', 'eligible', true), outcome: 'maybe' as 'eligible' }] })).toThrow(/^assessments\[0\]\.outcome:/)
    expect(() => st({ assessments: [a('2026-13-01', 'eligible', true)] })).toThrow(/^assessments\[0\]\.createdOn:/)
  })
})
