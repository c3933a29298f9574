import type { Db } from '../../../db/store/types'
import { UserFacingError } from '../../../shared/ipc/result'
import { isSensitiveNote } from '../sensitiveNotes'
import { subjectAccessRows } from '../trust/store'
import { coWorkingsOf } from '../coworking/store'

// A subject access request (issue 7): everything held about one prisoner. Notes marked sensitive
// are not in the disclosure itself: they are listed separately, for review before release.

export const SAR_SCHEMA_VERSION = 1
export const HELD_BACK = '[sensitive note held back for review]'

export interface HeldBackNote {
  sessionId: number | null
  date: string | null
  where: string
  note: string
}

export interface SubjectAccessDocument {
  schemaVersion: number
  generatedAt: string
  prisoner: Record<string, unknown>
  allocations: { staffName: string; startDate: string; endDate: string | null; reason: string }[]
  /**
   * Issue 17: the second POMs who co-worked the case, and when (co_working), oldest first. Personal
   * data held about the person like the allocations (UK GDPR Art. 15: the recipients of their data).
   */
  coWorking: { staffName: string; startDate: string; endDate: string | null; reason: string }[]
  sessions: { id: number; date: string; inPerson: boolean; mode: string; durationMinutes: number; notes: string; recordedOn: string; recordedOnReason: string | null; staffName: string | null }[]
  auditTrail: { at: string; username: string; role: string; channel: string; entity: string; entityId: string | null; before: unknown; after: unknown }[]
  /** For the reviewer only: never part of what is released to the prisoner. */
  heldBack: HeldBackNote[]
}

/** Replaces sensitive notes anywhere inside an audit payload, collecting them for review. */
function redact(value: unknown, where: string, held: HeldBackNote[]): unknown {
  if (Array.isArray(value)) return value.map((v) => redact(v, where, held))
  if (value === null || typeof value !== 'object') return value
  const o = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(o)) out[k] = redact(v, where, held)
  if (isSensitiveNote(o)) {
    held.push({ sessionId: typeof o.id === 'number' ? o.id : null, date: typeof o.date === 'string' ? o.date : null, where, note: o.notes })
    out.notes = HELD_BACK
  }
  return out
}

export async function subjectAccessDocument(db: Db, prisonerId: number, now: Date): Promise<SubjectAccessDocument> {
  const rows = await subjectAccessRows(db, prisonerId)
  if (!rows) throw new UserFacingError('not_found', 'That prisoner is not on record.', 'prisonerId')
  const { prisoner: p, staffNames: names } = rows
  // coWorkingsOf lists the latest first; the disclosure reads in time order, as the allocations do.
  const coWorkings = (await coWorkingsOf(db, prisonerId)).slice().reverse()
  const held: HeldBackNote[] = []
  const sessions = rows.sessions.map((s) => {
    if (s.notesSensitive && s.notes) held.push({ sessionId: s.id, date: s.date, where: 'session record', note: s.notes })
    return {
      id: s.id,
      date: s.date,
      inPerson: s.inPerson,
      mode: s.mode,
      durationMinutes: s.durationMinutes,
      notes: s.notesSensitive && s.notes ? HELD_BACK : s.notes,
      recordedOn: s.recordedOn,
      recordedOnReason: s.recordedOnReason,
      staffName: s.staffId === null ? null : (names.get(s.staffId) ?? null),
    }
  })
  return {
    schemaVersion: SAR_SCHEMA_VERSION,
    generatedAt: now.toISOString(),
    prisoner: { ...p, id: undefined, version: undefined },
    allocations: rows.allocations.map((a) => ({ staffName: names.get(a.staffId) ?? 'Unknown', startDate: a.startDate, endDate: a.endDate, reason: a.reason })),
    coWorking: coWorkings.map((c) => ({ staffName: names.get(c.staffId) ?? 'Unknown', startDate: c.startDate, endDate: c.endDate, reason: c.reason })),
    sessions,
    auditTrail: rows.audits.map((a) => ({
      at: a.at,
      username: a.username,
      role: a.role,
      channel: a.channel,
      entity: a.entity,
      entityId: a.entityId,
      before: redact(a.before === null ? null : JSON.parse(a.before), `audit row ${a.id}`, held),
      after: redact(a.after === null ? null : JSON.parse(a.after), `audit row ${a.id}`, held),
    })),
    heldBack: held,
  }
}
