// The Group view's rows (issue 19): this establishment's live figures, from the same document
// builder as the readiness exports (electron/services/export/document.ts) for its latest plan
// version, and every imported readiness export (rrmp/store.ts comparisonRows, normalised to schema
// version 2's shape), each labelled with its source. Reads only.
import type { StoreConn } from '../../../db/store/types'
import { groupRow, groupRowWithoutPlan, type GroupRow, type GroupSource } from '../../../shared/export/groupView'
import { groupEstablishments, readingEstablishment } from './establishmentView'
import type { GroupView } from '../../../shared/ipc/channels/group'
import { readEstablishment, readSettings } from '../establishment/store'
import { caseloadSummary } from '../export/caseloadSummary'
import { buildReadinessDocument } from '../export/document'
import { resourcingSection } from '../export/resourcingSection'
import { comparisonRows, latestVersionRow } from '../rrmp/store'

async function liveRow(store: StoreConn, today: string, now: Date, source: GroupSource): Promise<GroupRow | null> {
  const est = await readEstablishment(store.db)
  if (!est) return null
  const latest = await latestVersionRow(store.db)
  if (latest) return groupRow(await buildReadinessDocument(store, latest.id, today, now), source)
  // No RRMP yet: the caseload and the resourcing plan still speak for the establishment.
  const settings = await readSettings(store.db)
  const caseload = await caseloadSummary(store, { today, policy: est.policy, stage: est.currentStage, extraHolidays: settings.extraHolidays, missedAfterDays: settings.missedAfterDays })
  return groupRowWithoutPlan(est, caseload, await resourcingSection(store, today), source)
}

/**
 * This establishment first (when set up); then, for a group reader of a shared database, each other
 * establishment of their group, worked out now one at a time through the same read (issue 19;
 * establishmentView.ts); then the imported exports, newest import first.
 */
export async function groupView(store: StoreConn, today: string, now: Date): Promise<GroupView> {
  const live = await liveRow(store, today, now, { kind: 'live' })
  const shared: GroupRow[] = []
  for (const id of await groupEstablishments(store)) {
    const row = await readingEstablishment(store, id, (c) => liveRow(c, today, now, { kind: 'shared', establishmentId: id }))
    // An establishment in the group that has not been set up yet has nothing to show.
    if (row) shared.push(row)
  }
  const imported = (await comparisonRows(store.db)).map((c) =>
    groupRow(c.document, { kind: 'imported', id: c.id, importedAt: c.importedAt, exportedAt: c.document.exportedAt, schemaVersion: c.document.schemaVersion }),
  )
  return {
    today,
    rows: [...(live ? [live] : []), ...shared, ...imported],
    liveProblem: live ? null : `This establishment is not set up yet, so only ${shared.length > 0 ? 'the other establishments of your group and ' : ''}imported exports are shown.`,
  }
}
