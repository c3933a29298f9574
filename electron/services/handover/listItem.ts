import type { CaseEvaluation } from '../../../shared/engine'
import type { HandoverListItem } from '../../../shared/ipc/channels/handover'
import type { CaseRecord } from '../caseload/load'
import { displayName, overrideNote } from '../caseload/verdict'
import type { ComHandoverRecord } from './store'
import { daysFor, type CaseHandover } from './view'

// One case as a handover list shows it (issue 17; ../shared/specs/mpc-rules.md A.1), for the
// screens that list cases outside the handover lists channel (the home screens).

/** The case on a list whose days count to (`left`) or since (`overdue`) `date`. */
export function handoverListItem(
  rec: CaseRecord,
  evaluation: CaseEvaluation,
  row: ComHandoverRecord | undefined,
  c: CaseHandover,
  today: string,
  kind: 'left' | 'overdue',
  date: string | null,
): HandoverListItem {
  const h = evaluation.handover
  return {
    prisonerId: rec.prisoner.id,
    prisonNumber: rec.prisoner.prisonNumber,
    name: displayName(rec.prisoner),
    pomName: rec.current?.staffName ?? null,
    comName: row?.comName ?? null,
    comAllocatedDate: h.comAllocatedDate,
    comResponsibleDate: h.comResponsibleDate,
    days: daysFor(kind, today, date),
    daysKind: kind,
    dueSoon: c.lists.dueSoon,
    override: overrideNote(rec, evaluation, today),
  }
}
