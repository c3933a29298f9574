// The OMU caseload summary in the readiness export (issue 6): cases by responsibility; % of
// POM-responsible cases meeting the start-of-custody and pre-handover minima; overdue counts.
// Every figure comes from the case engine (evaluateCase, shared/engine/case: seed 003 National
// Standards 2021, Annex B). Reads only the columns it needs: session notes are never selected, so
// they can never reach an export. Empty tables give zeros.
import { asc, eq, min } from 'drizzle-orm'
import type { Db } from '../../../db/bootstrap'
import { allocation, prisoner, supervisionSession } from '../../../db/schema'
import { evaluateCase, type CaseInput, type CaseSession, type MinimumResult, type Policy } from '../../../shared/engine/index'
import type { CaseloadSummary } from '../../../shared/export/readinessExport'

export interface CaseloadSummaryOptions {
  today: string
  policy: Policy
  extraHolidays: readonly string[]
}

type Rule = MinimumResult['rule']

function minimumFigures(results: MinimumResult[]): CaseloadSummary['startOfCustody'] {
  const applicable = results.filter((r) => r.status !== 'not_applicable')
  const met = applicable.filter((r) => r.status === 'met').length
  const due = applicable.filter((r) => r.status === 'due').length
  return {
    applicable: applicable.length,
    met,
    due,
    overdue: applicable.filter((r) => r.status === 'overdue').length,
    percentMeeting: applicable.length === 0 ? null : Math.floor(((met + due) / applicable.length) * 100 + 1e-9),
  }
}

function loadCases(db: Db): CaseInput[] {
  const prisoners = db
    .select({
      id: prisoner.id,
      sentenceType: prisoner.sentenceType,
      sentenceStartDate: prisoner.sentenceStartDate,
      crd: prisoner.conditionalReleaseDate,
      ard: prisoner.automaticReleaseDate,
      ped: prisoner.paroleEligibilityDate,
      ted: prisoner.tariffDate,
      thd: prisoner.targetHearingDate,
      hdced: prisoner.homeDetentionCurfewEligibilityDate,
      hdcad: prisoner.homeDetentionCurfewActualDate,
      mappaLevel: prisoner.mappaLevel,
      earlyAllocation: prisoner.earlyAllocation,
      recall: prisoner.recall,
      arrivalDate: prisoner.arrivalDate,
    })
    .from(prisoner)
    .where(eq(prisoner.status, 'in_custody'))
    .orderBy(asc(prisoner.id))
    .all()
  if (prisoners.length === 0) return []
  // First allocation to a POM (start-of-custody window, seed 003 Annex B).
  const firstAllocation = new Map(
    db
      .select({ prisonerId: allocation.prisonerId, first: min(allocation.startDate) })
      .from(allocation)
      .groupBy(allocation.prisonerId)
      .all()
      .map((a) => [a.prisonerId, a.first]),
  )
  const sessions = new Map<number, CaseSession[]>()
  // Date, in person and recorded-on only: never the notes.
  for (const s of db.select({ prisonerId: supervisionSession.prisonerId, date: supervisionSession.date, inPerson: supervisionSession.inPerson, recordedOn: supervisionSession.recordedOn }).from(supervisionSession).all()) {
    const list = sessions.get(s.prisonerId) ?? []
    list.push({ date: s.date, inPerson: s.inPerson, recordedOn: s.recordedOn })
    sessions.set(s.prisonerId, list)
  }
  return prisoners.map((p) => ({
    sentenceType: p.sentenceType as CaseInput['sentenceType'],
    sentenceStartDate: p.sentenceStartDate,
    conditionalReleaseDate: p.crd,
    automaticReleaseDate: p.ard,
    paroleEligibilityDate: p.ped,
    tariffDate: p.ted,
    targetHearingDate: p.thd,
    homeDetentionCurfewEligibilityDate: p.hdced,
    homeDetentionCurfewActualDate: p.hdcad,
    mappaLevel: p.mappaLevel as CaseInput['mappaLevel'],
    earlyAllocation: p.earlyAllocation,
    recall: p.recall,
    pomAllocatedDate: firstAllocation.get(p.id) ?? null,
    arrivalDate: p.arrivalDate,
    sessions: sessions.get(p.id) ?? [],
  }))
}

/** Works out the caseload summary for `today` under the establishment's policy. */
export function caseloadSummary(db: Db, opts: CaseloadSummaryOptions): CaseloadSummary {
  const cases = loadCases(db)
  const byResponsibility = { pom: 0, pomWithCom: 0, com: 0 }
  const pomMinima: Record<Rule, MinimumResult[]> = { start_of_custody: [], pre_handover: [], transfer_arrival: [] }
  const overdue = { startOfCustody: 0, preHandover: 0, transferArrival: 0, cases: 0 }
  let notEvaluated = 0
  let lateRecords = 0
  for (const c of cases) {
    let ev
    try {
      ev = evaluateCase(c, opts.today, opts.policy, { extraHolidays: opts.extraHolidays })
    } catch {
      // A case with missing or inconsistent dates (CaseInputError) is counted, not guessed at.
      notEvaluated++
      continue
    }
    lateRecords += ev.lateRecords
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
    startOfCustody: minimumFigures(pomMinima.start_of_custody),
    preHandover: minimumFigures(pomMinima.pre_handover),
    overdue,
    lateRecords,
  }
}
