import { ukDate as formatIsoDate } from '../../../shared/export/labels'
import { heading, keyValues, newA4, paragraph, table, toBuffer, footers } from '../export/pdfLayout'
import type { SubjectAccessDocument } from './document'

/** The disclosure as A4 PDF: only what may be disclosed (held-back notes are in reviewerPdf's file). */
export async function subjectAccessPdf(d: SubjectAccessDocument): Promise<Buffer> {
  const p = d.prisoner as Record<string, string | number | boolean | null>
  const doc = newA4({ title: `Subject access: ${String(p.prisonNumber)}`, subject: 'Subject access request', createdAt: new Date(d.generatedAt) })
  heading(doc, `Subject access request: ${String(p.lastName).toUpperCase()}, ${String(p.firstName)} (${String(p.prisonNumber)})`, 1)
  paragraph(doc, `Everything OMU Desk holds about this person, as at ${formatIsoDate(d.generatedAt.slice(0, 10))}. Notes marked sensitive are held back for review and are not in this disclosure.`)
  heading(doc, 'Facts held')
  keyValues(
    doc,
    Object.entries(p)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, v === null ? '—' : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatIsoDate(v) : String(v)]),
  )
  heading(doc, 'Allocations to Prison Offender Managers')
  table(doc, [{ header: 'POM', width: 3 }, { header: 'From', width: 2 }, { header: 'To', width: 2 }, { header: 'Reason', width: 4 }], d.allocations.map((a) => [a.staffName, formatIsoDate(a.startDate), a.endDate ? formatIsoDate(a.endDate) : 'current', a.reason]))
  // Issue 17: who co-worked the case beside its allocated POM, and when.
  heading(doc, 'Co-working Prison Offender Managers')
  if (d.coWorking.length === 0) paragraph(doc, 'No POM has co-worked this case.')
  else table(doc, [{ header: 'POM', width: 3 }, { header: 'From', width: 2 }, { header: 'To', width: 2 }, { header: 'Reason', width: 4 }], d.coWorking.map((c) => [c.staffName, formatIsoDate(c.startDate), c.endDate ? formatIsoDate(c.endDate) : 'current', c.reason]))
  heading(doc, 'Supervision sessions')
  table(
    doc,
    [{ header: 'Date', width: 2 }, { header: 'How', width: 3 }, { header: 'Minutes', width: 1.2 }, { header: 'By', width: 2.5 }, { header: 'Notes', width: 6 }, { header: 'Recorded', width: 2 }],
    d.sessions.map((s) => [formatIsoDate(s.date), `${s.mode.replace(/_/g, ' ')}${s.inPerson ? ' (in person)' : ''}`, String(s.durationMinutes), s.staffName ?? '', s.notes, formatIsoDate(s.recordedOn)]),
  )
  heading(doc, 'Record history (audit trail)')
  table(doc, [{ header: 'When', width: 3 }, { header: 'Who', width: 2.5 }, { header: 'What', width: 3 }, { header: 'Record', width: 2 }], d.auditTrail.map((a) => [a.at.replace('T', ' ').slice(0, 16), `${a.username} (${a.role})`, a.channel.replace('omu:', ''), `${a.entity} ${a.entityId ?? ''}`]))
  footers(doc, `Subject access request · ${String(p.prisonNumber)} · OFFICIAL-SENSITIVE`)
  return toBuffer(doc)
}

/**
 * Issue 15: the notes held back, in a file of their own for the reviewer, never part of the
 * disclosure (a page to remove before release could be forgotten; a separate file is not sent).
 */
export async function reviewerPdf(d: SubjectAccessDocument): Promise<Buffer> {
  const p = d.prisoner as Record<string, string | number | boolean | null>
  const doc = newA4({ title: `Held back for review: ${String(p.prisonNumber)}`, subject: 'Subject access request: for the reviewer only', createdAt: new Date(d.generatedAt) })
  heading(doc, `FOR THE REVIEWER ONLY: sensitive notes held back (${String(p.prisonNumber)})`, 1)
  paragraph(doc, 'Do not release this file. Each note below was marked sensitive and has been replaced in the disclosure file made with it.', { bold: true })
  table(doc, [{ header: 'Session', width: 1.5 }, { header: 'Date', width: 2 }, { header: 'Where', width: 2.5 }, { header: 'Note', width: 8 }], d.heldBack.map((h) => [h.sessionId === null ? '' : String(h.sessionId), h.date ? formatIsoDate(h.date) : '', h.where, h.note]))
  footers(doc, `FOR THE REVIEWER ONLY · not for release · ${String(p.prisonNumber)} · OFFICIAL-SENSITIVE`)
  return toBuffer(doc)
}
