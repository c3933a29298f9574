// Issue 16, "Prisoner page header": the next thing due with how soon, the status in words, and a
// timeline that reads as sentences in date order (dd/mm/yyyy), starting at today rather than at the
// furthest future date (renderer/src/lib/caseStory.ts).
import { describe, expect, it } from 'vitest'
import type { Minimum, PrisonerDetail } from '../../shared/ipc/channels/caseload'
import { nextDueSentence, splitAtToday, statusSentence, timelineEntries } from '../../renderer/src/lib/caseStory'

const TODAY = '2026-11-23'

function detail(): PrisonerDetail {
  return {
    prisoner: {
      id: 1,
      prisonNumber: 'A1234BC',
      firstName: 'Eddie',
      lastName: 'Example',
      dateOfBirth: '1990-01-01',
      sentenceType: 'determinate',
      sentenceStartDate: '2026-01-10',
      conditionalReleaseDate: '2028-03-01',
      automaticReleaseDate: null,
      paroleEligibilityDate: null,
      tariffDate: null,
      targetHearingDate: null,
      homeDetentionCurfewEligibilityDate: null,
      homeDetentionCurfewActualDate: null,
      mappaLevel: null,
      earlyAllocation: false,
      recall: false,
      tier: 'B2',
      roshLevel: 'high',
      careExperienced: false,
      tact: false,
      keyWorkerPriority: false,
      arrivalDate: '2026-02-01',
      status: 'in_custody',
      releasedOn: null,
      openConditions: false,
      openConditionsArrivalDate: null,
      immigrationCase: false,
      additionalIsp: false,
      firstPomAllocatedDate: '2026-01-12',
      location: null,
      securityCategory: null,
      sentenceExpiryDate: null,
      licenceExpiryDate: null,
      postRecallReleaseDate: null,
      actualParoleDate: null,
      enhancedResourcing: null,
      version: 1,
    },
    policy: 'omic2021',
    today: TODAY,
    evaluation: {
      handover: { comAllocatedDate: '2027-08-01', comResponsibleDate: '2027-11-01', releaseDate: '2028-03-01', reason: 'determinate' },
      responsibility: 'pom',
      minima: [],
      lateRecords: 0,
    },
    evaluationProblem: null,
    cohorts: [],
    allocations: [
      { id: 1, staffId: 7, staffName: 'Sam Jones', startDate: '2026-01-12', endDate: '2026-06-30', reason: 'First allocation' },
      { id: 2, staffId: 8, staffName: 'Kit Probation', startDate: '2026-06-30', endDate: null, reason: '' },
    ],
    sessions: [
      { id: 5, date: '2026-11-20', inPerson: true, mode: 'wing_interview_room', durationMinutes: 45, notes: 'Talked about work.', notesSensitive: false, recordedOn: '2026-11-20', recordedOnReason: null, recordedBy: 'Ash Manager', staffName: 'Kit Probation', late: false },
      { id: 6, date: '2026-03-02', inPerson: false, mode: 'video', durationMinutes: 1, notes: '', notesSensitive: true, recordedOn: '2026-03-09', recordedOnReason: null, recordedBy: null, staffName: null, late: true },
    ],
  }
}

const minimum = (over: Partial<Minimum>): Minimum => ({ rule: 'start_of_custody', required: 3, achieved: 1, windowStart: '2026-11-01', dueBy: '2026-11-26', status: 'due', ...over })

describe('the timeline starts at today (issue 16)', () => {
  const { upcoming, past } = splitAtToday(timelineEntries(detail()), TODAY)

  it('what is still to come is listed apart, soonest first, so the furthest future date is not the first thing read', () => {
    expect(upcoming.map((e) => e.date)).toEqual(['2027-08-01', '2027-11-01', '2028-03-01'])
    expect(upcoming[0]?.sentence).toBe('The COM is due to be allocated: the handover starts.')
  })

  it('what has happened reads latest first, down to the sentence start', () => {
    expect(past.map((e) => e.date)).toEqual(['2026-11-20', '2026-06-30', '2026-06-30', '2026-03-02', '2026-02-01', '2026-01-12', '2026-01-10'])
    expect(past.at(-1)?.sentence).toBe('The determinate sentence started.')
  })

  it('each entry is a sentence in words: who held a session, how, for how long, and when and by whom it was recorded (dd/mm/yyyy)', () => {
    const sessions = past.filter((e) => e.kind === 'session')
    expect(sessions.map((e) => e.sentence)).toEqual([
      'Kit Probation held an in-person session of 45 minutes (Face to face (wing interview room)). Recorded on 20/11/2026 by Ash Manager.',
      // Issue 16: a session from before who-recorded-it was kept says so plainly.
      'A POM held a remote session of 1 minute (Video). Recorded on 09/03/2026; who entered it was not recorded.',
    ])
    expect(sessions[1]).toMatchObject({ late: true, sensitive: true, note: 'Note not shown to your role: it is marked sensitive.' })
    expect(past.filter((e) => e.kind === 'allocation').map((e) => e.sentence)).toEqual(
      expect.arrayContaining(['Sam Jones became the case’s POM (First allocation).', 'Sam Jones stopped being the case’s POM.', 'Kit Probation became the case’s POM.']),
    )
  })

  it('no date a person reads is written YYYY-MM-DD', () => {
    for (const e of [...upcoming, ...past]) expect(e.sentence).not.toMatch(/\d{4}-\d{2}-\d{2}/)
  })
})

describe('the next thing due, with how soon (issue 16)', () => {
  it('due in days, with the date as dd/mm/yyyy', () => {
    expect(nextDueSentence(minimum({}), TODAY)).toBe('Start of custody: 2 more in-person sessions due in 3 days (by 26/11/2026).')
  })

  it('far off reads in weeks, visibly unlike a few days', () => {
    expect(nextDueSentence(minimum({ rule: 'pre_handover', required: 1, achieved: 0, dueBy: '2027-02-08' }), TODAY)).toBe('Pre-handover: 1 more in-person session due in 11 weeks (by 08/02/2027).')
  })

  it('past its due date (overdue, still worth acting on) says how late and to act now', () => {
    expect(nextDueSentence(minimum({ status: 'overdue', dueBy: '2026-11-19' }), TODAY)).toBe('Start of custody: 2 more in-person sessions were due by 19/11/2026, 4 days late. Hold them now.')
  })

  it('nothing open says so in words', () => {
    expect(nextDueSentence(null, TODAY)).toBe('Nothing is due: every supervision minimum is met, missed or does not apply.')
  })
})

describe('the headline status is a sentence as well as a badge (issue 16: never by colour alone)', () => {
  it.each(['overdue', 'due', 'met', 'missed', 'not_applicable'] as const)('%s has its own sentence, starting with its word', (status) => {
    // Issue 16: a missed minimum never heads a case, so nothing open reads as the headline's own words, "No minimum due".
    const words = { overdue: 'Overdue', due: 'Due', met: 'On track', missed: 'Missed', not_applicable: 'No minimum due' }
    expect(statusSentence(status).startsWith(words[status])).toBe(true)
  })
})
