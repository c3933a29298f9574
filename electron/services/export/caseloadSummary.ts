// The OMU caseload summary in the readiness export (issue 6): cases by responsibility; % of
// POM-responsible cases meeting the start-of-custody and pre-handover minima; overdue counts.
// Every figure comes from the case engine (evaluateCase, shared/engine/case: seed 003 National
// Standards 2021, Annex B). Session notes are never part of the cases read, so they can never reach an export. Empty tables give zeros.
import type { StoreConn } from '../../../db/store/types'
import type { MinimumResult, Policy } from '../../../shared/engine/index'
import { addDaysIso } from '../../../shared/dates'
import { casesOf } from '../caseload/cache'
import type { CaseloadSummary } from '../../../shared/export/readinessExport'

export interface CaseloadSummaryOptions {
  today: string
  policy: Policy
  /** EDM stage (part of the verdict cache key; the figures do not depend on it). */
  stage: 1 | 2 | 3 | 4
  extraHolidays: readonly string[]
  /** Settings: days after dueBy when an unmet minimum is missed (issue 16). */
  missedAfterDays?: number
}

type Rule = MinimumResult['rule']

/**
 * Handovers due: the COM is allocated (the handover starts, OMiC) after today and within 8 weeks,
 * the same horizon as the POM's and HOMD's home counts (issue 16, "handovers starting in the next 8 weeks").
 */
export const HANDOVERS_DUE_DAYS = 56

function minimumFigures(results: MinimumResult[]): CaseloadSummary['startOfCustody'] {
  const applicable = results.filter((r) => r.status !== 'not_applicable')
  const met = applicable.filter((r) => r.status === 'met').length
  const due = applicable.filter((r) => r.status === 'due').length
  return {
    applicable: applicable.length,
    met,
    due,
    overdue: applicable.filter((r) => r.status === 'overdue').length,
    // issue 16: missed is still not met (it lowers percentMeeting), but is no longer work to do.
    missed: applicable.filter((r) => r.status === 'missed').length,
    percentMeeting: applicable.length === 0 ? null : Math.floor(((met + due) / applicable.length) * 100 + 1e-9),
  }
}

/** Works out the caseload summary for `today` under the establishment's policy. */
export async function caseloadSummary(store: StoreConn, opts: CaseloadSummaryOptions): Promise<CaseloadSummary> {
  // The same in-memory cases and verdicts the caseload screens use (issue 8: exports < 2 s at 20,000).
  const cache = casesOf(store)
  const settings = { today: opts.today, policy: opts.policy, stage: opts.stage, extraHolidays: opts.extraHolidays, missedAfterDays: opts.missedAfterDays }
  const cases = await cache.all(settings)
  const byResponsibility = { pom: 0, pomWithCom: 0, com: 0 }
  // Issue 17: HOMD overrides in force, beside the engine's counts (which they never change).
  const overrides = { pom: 0, com: 0 }
  const pomMinima: Record<Rule, MinimumResult[]> = { start_of_custody: [], pre_handover: [], transfer_arrival: [] }
  const overdue = { startOfCustody: 0, preHandover: 0, transferArrival: 0, cases: 0 }
  let notEvaluated = 0
  let lateRecords = 0
  let handoversDue = 0
  const handoverHorizon = addDaysIso(opts.today, HANDOVERS_DUE_DAYS)
  for (const c of cases) {
    const v = cache.verdict(c, settings)
    if (!v.ok) {
      // A case with missing or inconsistent dates (CaseInputError) is counted, not guessed at.
      notEvaluated++
      continue
    }
    const ev = v.evaluation
    lateRecords += ev.lateRecords
    if (v.row.override) overrides[v.row.override.responsibility]++
    const starts = ev.handover.comAllocatedDate
    if (starts !== null && starts > opts.today && starts <= handoverHorizon) handoversDue++
    switch (ev.responsibility) {
      case 'pom':
        byResponsibility.pom++
        break
      case 'pom_with_com':
        byResponsibility.pomWithCom++
        break
      case 'com':
        byResponsibility.com++
        break
      default: {
        const never: never = ev.responsibility
        throw new Error(`Unknown responsibility ${String(never)}`)
      }
    }
    // POM responsible = POM, with or without the COM supporting in the handover period (OMiC).
    const pomResponsible = ev.responsibility !== 'com'
    if (pomResponsible) for (const m of ev.minima) pomMinima[m.rule].push(m)
    let any = false
    for (const m of ev.minima) {
      if (m.status !== 'overdue') continue
      any = true
      if (m.rule === 'start_of_custody') overdue.startOfCustody++
      else if (m.rule === 'pre_handover') overdue.preHandover++
      else overdue.transferArrival++
    }
    if (any) overdue.cases++
  }
  return {
    asOf: opts.today,
    policy: opts.policy,
    cases: cases.length,
    notEvaluated,
    byResponsibility,
    pomResponsible: byResponsibility.pom + byResponsibility.pomWithCom,
    overrides,
    startOfCustody: minimumFigures(pomMinima.start_of_custody),
    preHandover: minimumFigures(pomMinima.pre_handover),
    transferArrival: minimumFigures(pomMinima.transfer_arrival),
    handoversDue: { days: HANDOVERS_DUE_DAYS, cases: handoversDue },
    overdue,
    lateRecords,
  }
}
