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
