import type { UserRole } from '../../shared/ipc/channels/auth'

// Sensitive session notes (issue 7: kept out of anything meant for the prisoner; issue 14: the
// same rule in the app and in the shared database). The rule, in words, is docs/SECURITY.md
// "Who reads sensitive notes"; migration db/migrations-pg/0005_database_roles.sql holds its SQL
// twin (the column grant on supervision_session.notes, omu_holds_sensitive_note).

/**
 * Who reads sensitive notes: everyone who works cases, signs off or answers subject access
 * requests. A read-only reviewer (an assurance or audit visitor) checks that sessions happened,
 * not what was said: they see a note only when it is not marked sensitive.
 */
export const SENSITIVE_NOTE_READERS: readonly UserRole[] = ['pom', 'homd', 'homs', 'governor']

export const mayReadSensitiveNotes = (role: UserRole): boolean => SENSITIVE_NOTE_READERS.includes(role)

/** A session (or an audit payload's copy of one) whose note is marked sensitive and not empty. */
export function isSensitiveNote(o: Record<string, unknown>): o is Record<string, unknown> & { notes: string } {
  return o.notesSensitive === true && typeof o.notes === 'string' && o.notes !== ''
}

/** Whether a sensitive note's text is anywhere inside a value (an audit row's before or after). */
export function holdsSensitiveNote(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsSensitiveNote)
  if (value === null || typeof value !== 'object') return false
  const o = value as Record<string, unknown>
  return isSensitiveNote(o) || Object.values(o).some(holdsSensitiveNote)
}
