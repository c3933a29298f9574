// Default estimates of the resourcing projection (issue 19: "an hours estimate per task,
// editable, with defaults documented as assumptions"). Seed 002 gives no hours for any task:
// every number below is OUR ASSUMPTION, chosen to be plausible for a closed male establishment
// and meant to be replaced by local figures in the resourcing plan the DIB agrees (seed 002:
// "Local resourcing plans should be submitted and agreed by the Divisional Implementation
// Boards"). The reason for each is next to it.
import type { ResourcingAssumptions } from './types'

/**
 * OMU hours per week for the items and baselines a stage reinstates, keyed by the catalogue's ids
 * (OMU_EDM: stage items 's<stage>.<n>', baselines '1.1' to '5.2'). Any id not listed counts 0.
 * 0 is used where the work is not POM time or is already counted elsewhere:
 * - s3.1, s3.2, s2.1, s2.2 bring staff back: they are capacity (PomCapacity.plannedChanges), not demand.
 * - s3.3, s2.4 key work sessions are delivered by key workers, not POMs.
 * - s1.1, s1.2 describe infection control, not OMU work; s1.3 is staffing ("near target").
 * - Baselines 1.2 (allocation), 2.5 (supervision) and 3.2 (handover) are the allocation,
 *   supervision-session and handover hours below; 1.1, 2.1, 2.2, 2.3, 2.4, 2.6, 3.3, 3.4 and 3.6
 *   continue work seed 002 lists as delivered at stage 4 (categorisation, public protection
 *   requests, IRMT, VLO contact, OASys, recategorisation, MAPPA, ROTL/HDC, parole), so they add
 *   no new hours; 4.1 is custody office and administration work, not POM time; 5.1 and 5.2 are
 *   COVID schemes that exist only when enacted (enter hours if they are).
 */
export const DEFAULT_TASK_HOURS_PER_WEEK: Readonly<Record<string, number>> = Object.freeze({
  // seed 002 stage 3: "Limited support provided by POMs to key workers" (assumed 4 h/week for the OMU).
  's3.4': 4,
  // seed 002 stage 3: "Reintroduction of limited one to one work with young adults" (assumed 6 h/week).
  's3.5': 6,
  // seed 002 stage 3: "Increased access to prisoners for Parole Board activity" (assumed 4 h/week).
  's3.6': 4,
  // seed 002 stage 2: "Greater numbers of face to face Parole Boards" (assumed 6 h/week).
  's2.3': 6,
  // seed 002 stage 2: "Increased support provided by POMs to key workers" (assumed 4 h/week more).
  's2.5': 4,
  // seed 002 baseline 2.7: OPD screening and pathway cases prioritised pre-handover (assumed 2 h/week).
  '2.7': 2,
  // seed 002 baseline 2.8: psychological assessments for parole facilitated with Psychology (assumed 2 h/week).
  '2.8': 2,
  // seed 002 baseline 2.9: youth to adult transitions, planning and review meetings (assumed 2 h/week).
  '2.9': 2,
  // seed 002 baseline 3.1: early allocation to the community, referrals (assumed 1 h/week).
  '3.1': 1,
  // seed 002 baseline 3.5: licence conditions discussed between POM and COM, chasing PD1 (assumed 2 h/week).
  '3.5': 2,
  // seed 002 baseline 3.7: recall discussions between POM and COM, Part B (assumed 1 h/week).
  '3.7': 1,
})

export const DEFAULT_ASSUMPTIONS: Readonly<ResourcingAssumptions> = Object.freeze({
  // A session of about an hour (seed 002: "Delivery of supervision sessions might include shorter
  // sessions"), plus moving to and from a wing interview room and recording it within one working
  // day (seed 003 Annex B 1.1): assumed 1.5 hours.
  hoursPerSupervisionSession: 1.5,
  // seed 002 baseline 3.2: a handover meeting with the COM over the agreed technology pathway,
  // its preparation, and telling the prisoner: assumed 3 hours.
  hoursPerHandover: 3,
  // seed 002 baseline 1.2: allocation to a named POM under the OMiC case allocation principles,
  // with the first review of the case: assumed 1 hour.
  hoursPerAllocation: 1,
  // Every reception is assumed to need the start of custody sessions (seed 003 Annex B: 3 in
  // person within 12 weeks of allocation): the cautious reading, so demand is not understated.
  receptionShareNeedingStartOfCustody: 1,
  // Off by default: no seed gives a figure for the rest of a POM's casework, and counting it
  // would dwarf the work the issue asks to project. Set a local figure to include it.
  caseManagementHoursPerCasePerWeek: 0,
  taskHoursPerWeek: DEFAULT_TASK_HOURS_PER_WEEK,
})
