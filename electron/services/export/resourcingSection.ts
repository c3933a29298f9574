// The readiness export's resourcing section (issue 19, schema version 2): the establishment's
// resourcing plan on `today` from the resourcing service (electron/services/resourcing/service.ts,
// `resourcingPlan`, the one place the plan is read), summarised by the pure
// shared/export/resourcingSummary.ts, so the PDF, XLSX, JSON and the Group view's live row carry
// the same figures as the Resourcing screen (without what-if inputs: the saved plan only).
import type { StoreConn } from '../../../db/store/types'
import { resourcingSummary, type ResourcingSummary } from '../../../shared/export/resourcingSummary'
import { resourcingPlan } from '../resourcing/service'

/**
 * The resourcing summary for `today`, or null when the establishment has no resourcing plan (no
 * POM in post to give capacity): the export then says so rather than showing a shortfall.
 */
export async function resourcingSection(store: StoreConn, today: string): Promise<ResourcingSummary | null> {
  const plan = await resourcingPlan(store, today)
  if (plan.poms.length === 0) return null
  return resourcingSummary(plan, { receptionsPerWeek: plan.receptionsPerWeek })
}
