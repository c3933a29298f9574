import { Group, Paper, SimpleGrid, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import type { PrisonerDetail } from '../../../../shared/ipc/channels/caseload'
import { responsibilityText } from '../../../../shared/export/responsibility'
import { StatusBadge } from '../../app/StatusBadge'
import { useCaseHandover } from '../../data/handoverHooks'
import { nextDueSentence, statusSentence } from '../../lib/caseStory'
import { formatDate } from '../../lib/format'
import { PRISONER_STATUS_LABELS, ROSH_LABELS, SECURITY_CATEGORY_LABELS } from '../../lib/labels'
import { earliestRelease, RELEASE_DATE_TYPE_LABELS } from '../../../../shared/export/earliestRelease'

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {term}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  )
}

/**
 * Issue 16, "Prisoner page header": who the person is and where the case stands today, at the top
 * of their page: prison number, date of birth, location, security category, the earliest release
 * date and its type (shared/export/earliestRelease.ts), who is responsible now (a HOMD's override in force
 * as a note beside the rules' answer, issue 17), POM and COM, the next thing due and how soon, and
 * the headline status in words (the badge's colour is only a second cue). The case as the lists
 * show it (`row`, the same verdict: electron/services/caseload/verdict.ts).
 */
export function PrisonerHeader({ d }: { d: PrisonerDetail }) {
  const p = d.prisoner
  const row = d.row ?? null
  const current = d.allocations.find((a) => a.endDate === null) ?? null
  const coWorker = d.coWorkings?.find((c) => c.endDate === null) ?? null
  const com = useCaseHandover(p.id).data?.details.comName ?? null
  const override = row?.override ?? null
  const release = earliestRelease(p, d.today)
  return (
    <Paper withBorder p="md" component="section" aria-label="Summary of the case">
      <SimpleGrid component="dl" cols={{ base: 2, md: 4 }} spacing="sm" verticalSpacing="sm" m={0}>
        <Item term="Prison number">{p.prisonNumber}</Item>
        <Item term="Date of birth">{formatDate(p.dateOfBirth)}</Item>
        <Item term="Custody status">{PRISONER_STATUS_LABELS[p.status]}</Item>
        <Item term="Location">{p.location ?? 'Not recorded'}</Item>
        <Item term="Category">{p.securityCategory ? SECURITY_CATEGORY_LABELS[p.securityCategory] : 'Not recorded'}</Item>
        <Item term="Earliest release date">
          {release ? `${formatDate(release.date)}, ${RELEASE_DATE_TYPE_LABELS[release.type]}${release.passed ? ' (passed)' : ''}` : 'No release date recorded'}
        </Item>
        <Item term="Responsible now">
          {row ? responsibilityText(row.responsibility, override) : 'Not known: the case could not be assessed.'}
          {override?.reason ? ` Reason: ${override.reason.replace(/\.$/, '')}.` : ''}
        </Item>
        <Item term="POM">
          {current ? current.staffName : 'Not allocated to a POM'}
          {coWorker ? ` (co-working: ${coWorker.staffName})` : ''}
        </Item>
        <Item term="COM">{com ?? 'Not recorded'}</Item>
        <Item term="Tier">{p.tier ?? 'Not set'}</Item>
        <Item term="Risk of serious harm">{p.roshLevel ? (ROSH_LABELS[p.roshLevel as keyof typeof ROSH_LABELS] ?? p.roshLevel) : 'Not set'}</Item>
        <Item term="Release date used for the handover">{d.evaluation?.handover.releaseDate ? formatDate(d.evaluation.handover.releaseDate) : 'Not known'}</Item>
      </SimpleGrid>
      {row ? (
        <Group gap="sm" mt="sm" wrap="nowrap" align="flex-start">
          <StatusBadge status={row.status} headline />
          <div>
            <Text size="sm" fw={700}>
              {nextDueSentence(row.next, d.today)}
            </Text>
            <Text size="sm">{statusSentence(row.status)}</Text>
          </div>
        </Group>
      ) : null}
    </Paper>
  )
}
