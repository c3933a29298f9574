import { ukDateOrNull } from '../../../shared/dates'

// "Notify the community" (issue 17; seed 003 Annex B, pre-release: the community is notified 45
// days before handover): the drafted email, as a mailto: URL the OS opens in the user's own mail
// program. Nothing is sent by the app. A mailto: link is the only external link the app may open:
// `checkedMailto` refuses any other scheme (the host's opener checks again).

export interface NotifyFacts {
  to: string
  prisonerName: string
  prisonNumber: string
  comAllocatedDate: string | null
  comResponsibleDate: string | null
  releaseDate: string | null
  responsibility: 'pom' | 'pom_with_com' | 'com'
  /** Issue 17: a HOMD's override in force today ("shown ... in every list and export"), or null. */
  override?: { responsibility: 'pom' | 'com'; endDate: string | null } | null
  pomName: string | null
  establishment: string
}

const RESPONSIBILITY_TEXT = {
  pom: 'The POM is responsible; the COM is not yet supporting.',
  pom_with_com: 'The POM is responsible, with the COM supporting.',
  com: 'The COM is responsible.',
} as const satisfies Record<NotifyFacts['responsibility'], string>

const shown = (iso: string | null) => (iso === null ? 'not known' : (ukDateOrNull(iso) ?? iso))

export function notifyMailto(f: NotifyFacts): string {
  const subject = `Handover to the community: ${f.prisonerName} (${f.prisonNumber})`
  const body = [
    `This is to let you know that ${f.prisonerName}, prison number ${f.prisonNumber}, at ${f.establishment}, is approaching handover to the community.`,
    '',
    `COM allocated from: ${shown(f.comAllocatedDate)}`,
    `COM responsible from (handover date): ${shown(f.comResponsibleDate)}`,
    `Earliest release date: ${shown(f.releaseDate)}`,
    `Responsibility today: ${RESPONSIBILITY_TEXT[f.responsibility]}`,
    ...(f.override ? [`Overridden by the Head of Offender Management Delivery: ${f.override.responsibility === 'com' ? 'the COM' : 'the POM'} is responsible ${f.override.endDate === null ? 'until further notice' : `until ${shown(f.override.endDate)}`}.`] : []),
    '',
    `Prison Offender Manager: ${f.pomName ?? 'not allocated'}, Offender Management Unit, ${f.establishment}.`,
  ].join('\r\n')
  return checkedMailto(`mailto:${encodeURIComponent(f.to).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`)
}

/** The URL if it is a mailto: link, else an error: the app opens no other kind of link. */
export function checkedMailto(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new Error('Not a link the app can open.')
  }
  if (parsed.protocol !== 'mailto:') throw new Error('The app opens only email (mailto:) links.')
  return url
}

/**
 * The early allocation referral (../shared/specs/mpc-rules.md C.1: "Saved inside the referral
 * window, eligible drafts a referral to the LDU, discretionary a request for a decision"): what
 * the community probation team needs to take the case on, as notify's email (the case, its dates,
 * the POM), with the assessment's outcome, the criteria answered yes and, for a discretionary case,
 * the reason the HOMD approved. Nothing else about the person (no date of birth, notes or sessions).
 */
export interface ReferralFacts {
  to: string
  kind: 'referral' | 'decision_request'
  prisonerName: string
  prisonNumber: string
  establishment: string
  assessedOn: string
  assessor: string
  oasysDate: string | null
  /** The criteria answered yes, in the form's words (spec C.1 order). */
  criteria: string[]
  /** Discretionary: the reason given (and approved by the HOMD). */
  reason: string | null
  releaseDate: string | null
  comResponsibleDate: string | null
  pomName: string | null
}

export function referralMailto(f: ReferralFacts): string {
  const referral = f.kind === 'referral'
  const subject = referral ? `Early allocation referral: ${f.prisonerName} (${f.prisonNumber})` : `Early allocation: request for a decision: ${f.prisonerName} (${f.prisonNumber})`
  const body = [
    referral
      ? `${f.prisonerName}, prison number ${f.prisonNumber}, at ${f.establishment}, is eligible for early allocation to the community probation team. Please allocate a COM.`
      : `${f.prisonerName}, prison number ${f.prisonNumber}, at ${f.establishment}, does not meet the criteria for early allocation, but the prison asks the community probation team to decide whether to take the case early. Please reply with your decision.`,
    '',
    `Assessed on ${shown(f.assessedOn)} by ${f.assessor}; last OASys risk assessment ${shown(f.oasysDate)}.`,
    ...(f.criteria.length > 0 ? ['Criteria met:', ...f.criteria.map((c) => `- ${c}`)] : []),
    ...(f.reason ? [`Reason for the referral (approved by the Head of Offender Management Delivery): ${f.reason}`] : []),
    '',
    `Earliest release date: ${shown(f.releaseDate)}`,
    `COM responsible from (handover date): ${shown(f.comResponsibleDate)}`,
    '',
    `Prison Offender Manager: ${f.pomName ?? 'not allocated'}, Offender Management Unit, ${f.establishment}.`,
  ].join('\r\n')
  return checkedMailto(`mailto:${encodeURIComponent(f.to).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`)
}
