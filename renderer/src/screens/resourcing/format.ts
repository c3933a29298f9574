// Words and numbers of the resourcing screen (issue 19). Hours to one decimal place; dates dd/mm/yyyy.
import type { ResourcingPlan } from '../../../../shared/ipc/channels/resourcing'
import { formatDate } from '../../lib/format'

export type Week = ResourcingPlan['weeks'][number]
export type AtRiskReason = ResourcingPlan['atRisk'][number]['reasons'][number]

/** 37, 22.5, 7.3: whole hours without a decimal, others to one place. */
export function hours(n: number): string {
  const r = Math.round(n * 10) / 10
  return Number.isInteger(r) ? String(r) : r.toFixed(1)
}

export function weekLabel(w: Week): string {
  return `${formatDate(w.start)} to ${formatDate(w.end)}`
}

/** The status of a week in words (never by colour alone, WCAG 1.4.1). */
export function weekStatus(w: Week): string {
  if (!w.flagged) return 'Enough hours'
  const parts: string[] = []
  if (w.shortfall.prison > 0) parts.push(`prison POMs ${hours(w.shortfall.prison)} hours short`)
  if (w.shortfall.probation > 0) parts.push(`probation POMs ${hours(w.shortfall.probation)} hours short`)
  if (w.shortfall.total > 0) parts.push(`all work ${hours(w.shortfall.total)} hours short`)
  return `Short: ${parts.join('; ')}`
}

export const REASON_TEXT: Record<AtRiskReason, string> = {
  no_pom: 'No active POM allocated',
  pom_unavailable: 'The POM is away or not in post',
  shortfall: 'Not enough hours for the POM’s type',
}
