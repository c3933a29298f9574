// Issue 17: a subject access disclosure (issue 7; UK GDPR Art. 15) holds every personal datum the
// app keeps about the person, so the case records issue 17 added are in it, JSON and PDF: parole
// reviews, the COM's and the VLO's details (named as theirs), the handover checklist with who and
// when, when the community was notified (seed 003 Annex B), early allocation assessments with their
// answers, outcome and who assessed (../shared/specs/mpc-rules.md section C), responsibility
// overrides with reason, dates and who set them, the POM-type reason of an allocation (spec B4) and
// the prisoner's new facts (handover-2023 section 1; first POM allocation). Another person's
// records are not. On a real SQLite file and, under `npm run test:pg`, on the shared database.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import type { IpcResult } from '../../shared/ipc/result'
import { SAR_SCHEMA_VERSION, type SubjectAccessDocument } from '../../electron/services/subjectAccess/document'
import { HMP_TESTSHIRE, servicesPerTest, TEST_PASSWORD, type ServicesHandle } from './helpers'

async function must<T>(r: Promise<IpcResult<T>>): Promise<T> {
  const out = await r
  if (!out.ok) throw new Error(out.error.message)
  return out.data
}

const start = servicesPerTest({ now: new Date('2026-11-23T10:00:00Z') })

/** Determinate, CRD 01/03/2027: the COM is responsible today (23/11/2026), so the checklist is open. */
const person = (prisonNumber: string, firstName: string) => ({
  prisonNumber,
  firstName,
  lastName: 'Testwell',
  dateOfBirth: '1990-04-01',
  sentenceType: 'determinate',
  sentenceStartDate: '2024-01-01',
  conditionalReleaseDate: '2027-03-01',
})

const STAGE_ONE_NO = { convictedUnderTerrorismAct2000: false, highProfile: false, seriousCrimePreventionOrder: false, mappaLevel3: false, cppcCase: false }

/** Records every kind of case fact for one person, with values unique to them (`tag`). */
async function recordCaseFacts(svc: ServicesHandle, prisonerId: number, tag: string, probationPom: number): Promise<void> {
  // Spec B4: a probation POM chosen where a prison POM is recommended, with the reason.
  await must(svc.call('omu:allocations.allocate', { prisonerId, staffId: probationPom, startDate: '2026-11-01', pomTypeReason: `${tag}: knows the family` }))
  await must(svc.call('omu:parole.add', { prisonerId, hearingDate: '2026-11-10', outcome: 'refused', outcomeDate: '2026-11-17', nextHearingDate: '2027-11-10' }))
  await must(
    svc.call('omu:handover.saveDetails', {
      prisonerId,
      expectedVersion: null,
      comName: `${tag} Com`,
      comEmail: `${tag.toLowerCase()}.com@justice.gov.uk`,
      comPhone: '0300 123 4567',
      comTeam: `${tag} team`,
      pdu: `${tag} PDU`,
      ldu: `${tag} North`,
      lduEmail: `${tag.toLowerCase()}.ldu@justice.gov.uk`,
      comAllocatedOn: '2026-10-01',
      vloName: `${tag} Vlo`,
      vloContact: `${tag.toLowerCase()}.vlo@justice.gov.uk`,
      vloLastContactOn: '2026-11-02',
    }),
  )
  await must(svc.call('omu:handover.notifyCommunity', { prisonerId }))
  await must(svc.call('omu:caseWork.assessEarlyAllocation', { prisonerId, oasysDate: '2026-11-01', answers: { ...STAGE_ONE_NO, mappaLevel3: true } }))
  await must(svc.call('omu:caseWork.setOverride', { prisonerId, responsibility: 'pom', reason: `${tag}: agreed with the PDU head.`, endDate: '2027-01-04' }))
}

async function arrange(svc: ServicesHandle): Promise<{ alex: number; bo: number }> {
  await must(svc.call('omu:establishment.setup', HMP_TESTSHIRE))
  const kit = (await must(svc.call('omu:staff.save', { name: 'Kit Pom', role: 'probation_pom' }))).id
  const alex = (await must(svc.call('omu:prisoners.create', { ...person('A1234BC', 'Alex'), openConditions: true, openConditionsArrivalDate: '2026-10-05', immigrationCase: true, additionalIsp: true, firstPomAllocatedDate: '2024-01-10' }))).id
  const bo = (await must(svc.call('omu:prisoners.create', person('B2345CD', 'Bo')))).id
  await recordCaseFacts(svc, alex, 'Alpha', kit)
  await recordCaseFacts(svc, bo, 'Bravo', kit)
  // Spec D.4: only the case's POM ticks the checklist.
  await must(svc.call('omu:users.save', { username: 'kit.pom', displayName: 'Kit Pom', role: 'pom', password: TEST_PASSWORD, staffId: kit, yourPassword: TEST_PASSWORD }))
  await must(svc.call('omu:auth.signIn', { username: 'kit.pom', password: TEST_PASSWORD }))
  await must(svc.call('omu:handover.tickTask', { prisonerId: alex, task: 'reviewedOasys', done: true }))
  await must(svc.call('omu:handover.tickTask', { prisonerId: bo, task: 'contactedCom', done: true }))
  await must(svc.call('omu:auth.signIn', { username: 'first.homs', password: TEST_PASSWORD }))
  return { alex, bo }
}

async function exportOf(svc: ServicesHandle, prisonerId: number, format: 'json' | 'pdf'): Promise<string> {
  const r = await must(svc.call('omu:subjectAccess.export', { prisonerId, format }))
  if (!r.saved) throw new Error('not saved')
  return r.path
}

describe('subject access disclosure: the case records of issue 17', () => {
  it('the JSON holds the parole reviews, COM and VLO details, checklist with who and when, community notified, early allocation, overrides, the POM-type reason and the new prisoner facts; still version 1 (keys only added)', async () => {
    const svc = await start()
    const { alex } = await arrange(svc)
    const d = JSON.parse(fs.readFileSync(await exportOf(svc, alex, 'json'), 'utf8')) as Omit<SubjectAccessDocument, 'heldBack'>
    expect(d.schemaVersion).toBe(SAR_SCHEMA_VERSION)
    expect(SAR_SCHEMA_VERSION).toBe(1)
    expect(d.prisoner).toMatchObject({ openConditions: true, openConditionsArrivalDate: '2026-10-05', immigrationCase: true, additionalIsp: true, firstPomAllocatedDate: '2024-01-10' })
    expect(d.allocations).toEqual([{ staffName: 'Kit Pom', startDate: '2026-11-01', endDate: null, reason: '', pomTypeReason: 'Alpha: knows the family' }])
    expect(d.paroleReviews).toEqual([{ hearingDate: '2026-11-10', outcome: 'refused', outcomeDate: '2026-11-17', nextHearingDate: '2027-11-10', recordedAt: '2026-11-23T10:00:00.000Z', updatedAt: '2026-11-23T10:00:00.000Z' }])
    expect(d.handover?.communityOffenderManager).toEqual({
      name: 'Alpha Com',
      email: 'alpha.com@justice.gov.uk',
      phone: '0300 123 4567',
      team: 'Alpha team',
      probationDeliveryUnit: 'Alpha PDU',
      localDeliveryUnit: 'Alpha North',
      localDeliveryUnitEmail: 'alpha.ldu@justice.gov.uk',
      allocatedOn: '2026-10-01',
    })
    expect(d.handover?.victimLiaisonOfficer).toEqual({ name: 'Alpha Vlo', contact: 'alpha.vlo@justice.gov.uk', lastContactOn: '2026-11-02' })
    expect(d.handover?.checklist).toEqual([
      { task: 'reviewedOasys', label: 'Review the last OASys assessment', done: true, by: 'Kit Pom', at: '2026-11-23T10:00:00.000Z' },
      { task: 'contactedCom', label: 'Have contact from COM', done: false, by: null, at: null },
      { task: 'attendedHandoverMeeting', label: 'Attend handover meeting', done: false, by: null, at: null },
      { task: 'sentHandoverReport', label: 'Send handover report', done: false, by: null, at: null },
    ])
    expect(d.handover?.communityNotified).toEqual({ at: '2026-11-23T10:00:00.000Z', by: 'First Homs' })
    expect(d.earlyAllocationAssessments).toEqual([
      expect.objectContaining({ createdOn: '2026-11-23', oasysDate: '2026-11-01', outcome: 'eligible', assessedBy: 'First Homs', assessedAt: '2026-11-23T10:00:00.000Z', answers: expect.objectContaining({ ...STAGE_ONE_NO, mappaLevel3: true }) }),
    ])
    expect(d.responsibilityOverrides).toEqual([{ responsibility: 'pom', reason: 'Alpha: agreed with the PDU head.', startDate: '2026-11-23', endDate: '2027-01-04', endedOn: null, setBy: 'First Homs', setAt: '2026-11-23T10:00:00.000Z' }])
  })

  it('another person’s records are not in the JSON', async () => {
    const svc = await start()
    const { alex, bo } = await arrange(svc)
    const alexs = fs.readFileSync(await exportOf(svc, alex, 'json'), 'utf8')
    expect(alexs).not.toMatch(/Bravo|bravo|B2345CD/)
    const bos = JSON.parse(fs.readFileSync(await exportOf(svc, bo, 'json'), 'utf8')) as Omit<SubjectAccessDocument, 'heldBack'>
    expect(JSON.stringify(bos)).not.toMatch(/Alpha|alpha|A1234BC/)
    expect(bos.handover?.checklist.filter((t) => t.done).map((t) => t.task)).toEqual(['contactedCom'])
    expect(bos.prisoner).toMatchObject({ openConditions: false, immigrationCase: false, additionalIsp: false, firstPomAllocatedDate: null })
  })

  it('the PDF shows each kind of record, the COM and VLO fields named as theirs, dates as dd/mm/yyyy, and nothing of another person', async () => {
    const svc = await start()
    const { alex } = await arrange(svc)
    const file = await exportOf(svc, alex, 'pdf')
    const body = execFileSync('pdftotext', ['-layout', file, '-']).toString()
    expect(body).toMatch(/Kit Pom\s+01\/11\/2026\s+current\s+—\s+Alpha: knows the family/)
    expect(body).toContain('Parole reviews')
    expect(body).toMatch(/10\/11\/2026\s+Release refused\s+17\/11\/2026\s+10\/11\/2027/)
    expect(body).toContain('Community Offender Manager (COM) for this case')
    expect(body).toMatch(/COM name\s+Alpha Com/)
    expect(body).toMatch(/LDU email\s+alpha\.ldu@justice\.gov\.uk/)
    expect(body).toMatch(/COM allocated on\s+01\/10\/2026/)
    expect(body).toContain('Victim Liaison Officer (VLO) for this case')
    expect(body).toMatch(/VLO name\s+Alpha Vlo/)
    expect(body).toMatch(/Last contact with the VLO\s+02\/11\/2026/)
    expect(body).toMatch(/Review the last OASys assessment\s+Yes\s+Kit Pom\s+23\/11\/2026 10:00/)
    expect(body).toMatch(/Have contact from COM\s+No/)
    expect(body).toMatch(/Community notified\s+23\/11\/2026 10:00 by First Homs/)
    expect(body).toContain('Assessed on 23/11/2026 by First Homs')
    expect(body).toMatch(/Is this person managed at MAPPA level 3\?\s+Yes/)
    expect(body).toMatch(/Outcome\s+Eligible/)
    expect(body).toContain('Overrides of who is responsible')
    // The reason wraps in its column: its first line sits beside the dates.
    expect(body).toMatch(/POM\s+Alpha: agreed with the PDU\s+23\/11\/2026\s+04\/01\/2027\s+—\s+First Homs,/)
    expect(body).toMatch(/Immigration case\s+Yes/)
    expect(body).toMatch(/First pom allocated date\s+10\/01\/2024/i)
    expect(body).not.toMatch(/immigrationCase|firstPomAllocatedDate/)
    expect(body).not.toMatch(/Bravo|B2345CD/)

    // Rendered to PNG for a person to look at (SAR_PNG_DIR keeps the pages).
    const out = process.env.SAR_PNG_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sar-png-'))
    execFileSync('pdftoppm', ['-png', '-r', '70', file, path.join(out, 'subject-access-case-facts')])
    expect(fs.readdirSync(out).some((f) => f.startsWith('subject-access-case-facts') && f.endsWith('.png'))).toBe(true)
  })

  it('a case with none of these records says so in the PDF, in sentences', async () => {
    const svc = await start()
    await must(svc.call('omu:establishment.setup', HMP_TESTSHIRE))
    const p = await must(svc.call('omu:prisoners.create', person('C3456DE', 'Cy')))
    const body = execFileSync('pdftotext', ['-layout', await exportOf(svc, p.id, 'pdf'), '-']).toString()
    expect(body).toContain('No parole review is recorded.')
    expect(body).toContain('No Community Offender Manager, Victim Liaison Officer or handover task is recorded for this case.')
    expect(body).toContain('This case has not been assessed for early allocation.')
    expect(body).toContain('No override of who is responsible is recorded.')
    const d = JSON.parse(fs.readFileSync(await exportOf(svc, p.id, 'json'), 'utf8')) as Omit<SubjectAccessDocument, 'heldBack'>
    expect(d).toMatchObject({ paroleReviews: [], handover: null, earlyAllocationAssessments: [], responsibilityOverrides: [] })
  })
})
