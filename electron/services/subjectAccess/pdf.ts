import { ukDate as formatIsoDate } from '../../../shared/export/labels'
import { EARLY_ALLOCATION_QUESTION_TEXT, PAROLE_OUTCOME_LABELS } from '../../../shared/export/caseFactLabels'
import { RESPONSIBILITY_LABELS } from '../../../shared/export/responsibility'
import { EARLY_ALLOCATION_QUESTIONS, earlyAllocationOutcome } from '../../../shared/engine'
import { factName, NOT_FACTS } from '../../../shared/export/factNames'
import { heading, keyValues, newA4, paragraph, table, toBuffer, footers, type Doc } from '../export/pdfLayout'
import type { SarEarlyAllocationAssessment, SarHandover, SubjectAccessDocument } from './document'

const LONDON_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/** An ISO instant as the day and time in England and Wales, e.g. '23/11/2026 10:00'. */
function londonTime(at: string | null): string {
  return at === null ? '—' : LONDON_TIME.format(new Date(at)).replace(', ', ' ')
}

const yesNo = (v: boolean | null): string => (v === null ? 'Not asked' : v ? 'Yes' : 'No')
const orDash = (v: string | null): string => v ?? '—'

/** Issue 17: the COM's and the VLO's details (named as theirs), the checklist with who and when, and the community notified. */
function handoverSection(doc: Doc, h: SarHandover | null): void {
  heading(doc, 'Handover to the community')
  if (h === null) {
    paragraph(doc, 'No Community Offender Manager, Victim Liaison Officer or handover task is recorded for this case.')
    return
  }
  const com = h.communityOffenderManager
  heading(doc, 'Community Offender Manager (COM) for this case', 3)
  keyValues(doc, [
    ['COM name', orDash(com.name)],
    ['COM email', orDash(com.email)],
    ['COM phone', orDash(com.phone)],
    ['COM team', orDash(com.team)],
    ['Probation delivery unit (PDU)', orDash(com.probationDeliveryUnit)],
    ['Local delivery unit (LDU)', orDash(com.localDeliveryUnit)],
    ['LDU email', orDash(com.localDeliveryUnitEmail)],
    ['COM allocated on', formatIsoDate(com.allocatedOn)],
  ])
  const vlo = h.victimLiaisonOfficer
  heading(doc, 'Victim Liaison Officer (VLO) for this case', 3)
  keyValues(doc, [
    ['VLO name', orDash(vlo.name)],
    ['VLO contact', orDash(vlo.contact)],
    ['Last contact with the VLO', formatIsoDate(vlo.lastContactOn)],
  ])
  heading(doc, 'Handover checklist', 3)
  table(doc, [{ header: 'Task', width: 5 }, { header: 'Done', width: 1.2 }, { header: 'By', width: 3 }, { header: 'When', width: 2.8 }], h.checklist.map((t) => [t.label, t.done ? 'Yes' : 'No', t.by ?? '', t.done ? londonTime(t.at) : '']))
  keyValues(doc, [['Community notified', h.communityNotified === null ? 'Not recorded' : `${londonTime(h.communityNotified.at)}${h.communityNotified.by ? ` by ${h.communityNotified.by}` : ''}`]])
}

/** Issue 17 (../shared/specs/mpc-rules.md section C): each assessment, its outcome in the engine's words, and every answer. */
function earlyAllocationSection(doc: Doc, assessments: readonly SarEarlyAllocationAssessment[]): void {
  heading(doc, 'Early allocation to the community probation team')
  if (assessments.length === 0) {
    paragraph(doc, 'This case has not been assessed for early allocation.')
    return
  }
  for (const a of assessments) {
    const outcome = earlyAllocationOutcome({ ...a.answers, createdWithinReferralWindow: a.createdWithinReferralWindow, communityDecision: a.communityDecision.accepted })
    heading(doc, `Assessed on ${formatIsoDate(a.createdOn)} by ${a.assessedBy}`, 3)
    keyValues(doc, [
      ['Outcome', outcome.longOutcome ?? a.outcome],
      ['Last OASys risk assessment', formatIsoDate(a.oasysDate)],
      ['Within the referral window', a.createdWithinReferralWindow ? 'Yes' : 'No'],
      ...(a.outcome === 'discretionary' ? ([['Reason', a.reason], ['HOMD approval', a.approved ? 'Approved' : 'Not approved']] as [string, string][]) : []),
      ...(a.communityDecision.accepted === null
        ? []
        : ([['Community probation team’s decision', `${a.communityDecision.accepted ? 'Accepted' : 'Not accepted'}${a.communityDecision.on ? ` on ${formatIsoDate(a.communityDecision.on)}` : ''}${a.communityDecision.by ? `, recorded by ${a.communityDecision.by}` : ''}`]] as [string, string][])),
      ['Recorded', londonTime(a.assessedAt)],
    ])
    table(doc, [{ header: 'Question', width: 9 }, { header: 'Answer', width: 2 }], EARLY_ALLOCATION_QUESTIONS.map((q) => [EARLY_ALLOCATION_QUESTION_TEXT[q], yesNo(a.answers[q] ?? null)]))
  }
}

/** A name as the start of a line: its first letter capital. */
const sentence = (words: string): string => words.charAt(0).toUpperCase() + words.slice(1)

/** Spec D.2's probation resourcing decision, stored 1 / 0 / null, as the prisoner form says it. */
const resourcingWords = (v: unknown): string => (v === null || v === undefined ? 'Not known' : v === true || v === 1 ? 'Enhanced' : 'Standard')

/** A fact's value as a person reads it (issue 16): dates dd/mm/yyyy, yes/no, words not codes. */
function factValue(v: string | number | boolean | null): string {
  if (v === null) return '—'
  if (typeof v === 'boolean') return v ? 'Yes' : 'No'
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatIsoDate(v)
  if (typeof v === 'string' && /^[a-z]+(_[a-z0-9]+)+$/.test(v)) return sentence(v.replace(/_/g, ' '))
  return String(v)
}

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
      .filter(([k, v]) => v !== undefined && !NOT_FACTS.has(k))
      .map(([k, v]) => [sentence(factName(k)), k === 'enhancedResourcing' ? resourcingWords(v) : factValue(v)]),
  )
  heading(doc, 'Allocations to Prison Offender Managers')
  table(
    doc,
    [{ header: 'POM', width: 3 }, { header: 'From', width: 2 }, { header: 'To', width: 2 }, { header: 'Reason', width: 3.5 }, { header: 'Why this type of POM', width: 3.5 }],
    d.allocations.map((a) => [a.staffName, formatIsoDate(a.startDate), a.endDate ? formatIsoDate(a.endDate) : 'current', a.reason, a.pomTypeReason ?? '']),
  )
  // Issue 17: who co-worked the case beside its allocated POM, and when.
  heading(doc, 'Co-working Prison Offender Managers')
  if (d.coWorking.length === 0) paragraph(doc, 'No POM has co-worked this case.')
  else table(doc, [{ header: 'POM', width: 3 }, { header: 'From', width: 2 }, { header: 'To', width: 2 }, { header: 'Reason', width: 4 }], d.coWorking.map((c) => [c.staffName, formatIsoDate(c.startDate), c.endDate ? formatIsoDate(c.endDate) : 'current', c.reason]))
  // Issue 17: the case records added with the handover to the COM and the case work.
  heading(doc, 'Parole reviews')
  if (d.paroleReviews.length === 0) paragraph(doc, 'No parole review is recorded.')
  else
    table(
      doc,
      [{ header: 'Hearing', width: 2 }, { header: 'Outcome', width: 3 }, { header: 'Outcome received', width: 2.5 }, { header: 'Next hearing', width: 2.5 }],
      d.paroleReviews.map((r) => [formatIsoDate(r.hearingDate), PAROLE_OUTCOME_LABELS[r.outcome], formatIsoDate(r.outcomeDate), formatIsoDate(r.nextHearingDate)]),
    )
  handoverSection(doc, d.handover)
  earlyAllocationSection(doc, d.earlyAllocationAssessments)
  heading(doc, 'Overrides of who is responsible')
  if (d.responsibilityOverrides.length === 0) paragraph(doc, 'No override of who is responsible is recorded.')
  else
    table(
      doc,
      [{ header: 'Responsible', width: 1.8 }, { header: 'Reason', width: 4 }, { header: 'From', width: 2 }, { header: 'Until', width: 2 }, { header: 'Ended early', width: 2 }, { header: 'Set by', width: 2.5 }],
      d.responsibilityOverrides.map((o) => [RESPONSIBILITY_LABELS[o.responsibility], o.reason, formatIsoDate(o.startDate), o.endDate ? formatIsoDate(o.endDate) : 'until ended', o.endedOn ? formatIsoDate(o.endedOn) : '', `${o.setBy}, ${londonTime(o.setAt)}`]),
    )
  heading(doc, 'Supervision sessions')
  table(
    doc,
    [{ header: 'Date', width: 2 }, { header: 'How', width: 3 }, { header: 'Minutes', width: 1.2 }, { header: 'By', width: 2.5 }, { header: 'Notes', width: 6 }, { header: 'Recorded', width: 2 }],
    d.sessions.map((s) => [formatIsoDate(s.date), `${s.mode.replace(/_/g, ' ')}${s.inPerson ? ' (in person)' : ''}`, String(s.durationMinutes), s.staffName ?? '', s.notes, `${formatIsoDate(s.recordedOn)}${s.recordedBy ? ` by ${s.recordedBy}` : ''}`]),
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
