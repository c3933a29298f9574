import { Anchor, Loader, Stack, Text, Title } from '@mantine/core'
import { DataTable } from '../../app/DataTable'
import { ErrorText } from '../../app/ErrorText'
import { OverrideNote } from '../../app/OverrideNote'
import { PageHeading } from '../../app/PageHeading'
import { hrefFor, prisonerHref } from '../../app/routes'
import { StatusBadge } from '../../app/StatusBadge'
import { useDueOverview } from '../../data/caseloadHooks'
import { formatDate } from '../../lib/format'
import { howSoon } from '../../lib/howSoon'
import { RULE_SHORT } from '../../lib/labels'
import { HandoverListsSection } from './HandoverListsSection'
import type { MinimumWorklist } from '../../../../shared/ipc/channels/allocation'
import { DUE_LIST_TITLES, dueHrefWithMine, isMinimumWorklist, type DueList } from './dueFocus'
import { WholeEstablishmentSwitch } from './WholeEstablishmentSwitch'

// Issue 16 ("counts that link to filtered lists"): the Due screen opened on the one list a home
// count counts, so the rows are exactly the cases counted. Membership is the main process's: each
// minimum's worklists (home/worklists.ts), the late records of this month, and the handover lists
// (../shared/specs/mpc-rules.md A.1).

function MinimaList({ mine, list }: { mine: boolean; list: MinimumWorklist }) {
  const q = useDueOverview(mine)
  const d = q.data
  if (q.error) return <ErrorText error={q.error} />
  if (!d) return <Loader aria-label="Loading" />
  const rows = d.items.filter((i) => i.lists.includes(list))
  return (
    <section aria-labelledby="focused-list-title">
      <Title order={2} size="h3" id="focused-list-title" mb="xs">
        {DUE_LIST_TITLES[list]} ({rows.length.toLocaleString('en-GB')})
      </Title>
      <DataTable
        caption="Overdue first, then soonest due"
        rows={rows}
        rowKey={(r) => `${r.prisonerId}-${r.rule}`}
        empty="No case is on this list."
        columns={[
          { header: 'Name', cell: (r) => (<><Anchor href={prisonerHref(r.prisonerId)}>{r.name}</Anchor><OverrideNote note={r.override} /></>) },
          { header: 'Prison number', cell: (r) => r.prisonNumber },
          ...(mine ? [] : [{ header: 'POM', cell: (r: (typeof rows)[number]) => r.pomName ?? 'Unallocated' }]),
          { header: 'Minimum', cell: (r) => RULE_SHORT[r.rule] },
          { header: 'Held', cell: (r) => `${r.achieved} of ${r.required}` },
          { header: 'Due by', cell: (r) => formatDate(r.dueBy) },
          { header: 'When', cell: (r) => howSoon(r.dueBy, d.today).text },
          { header: 'Status', cell: (r) => <StatusBadge status={r.status} /> },
        ]}
      />
    </section>
  )
}

function LateRecordsList({ mine }: { mine: boolean }) {
  const q = useDueOverview(mine)
  const d = q.data
  if (q.error) return <ErrorText error={q.error} />
  if (!d) return <Loader aria-label="Loading" />
  return (
    <section aria-labelledby="focused-list-title">
      <Title order={2} size="h3" id="focused-list-title" mb="xs">
        {DUE_LIST_TITLES.late} ({d.lateRecords.length.toLocaleString('en-GB')})
      </Title>
      <Text size="sm" mb="xs">
        Sessions recorded since {formatDate(d.monthStart)} more than one working day after they took place.
      </Text>
      <DataTable
        caption="Latest recorded first"
        rows={d.lateRecords}
        rowKey={(r) => `${r.prisonerId}-${r.date}-${r.recordedOn}`}
        empty="No session was recorded late this month."
        columns={[
          { header: 'Name', cell: (r) => <Anchor href={prisonerHref(r.prisonerId)}>{r.name}</Anchor> },
          { header: 'Prison number', cell: (r) => r.prisonNumber },
          ...(mine ? [] : [{ header: 'POM', cell: (r: (typeof d.lateRecords)[number]) => r.pomName ?? 'Unallocated' }]),
          { header: 'Session held on', cell: (r) => formatDate(r.date) },
          { header: 'Recorded on', cell: (r) => formatDate(r.recordedOn) },
        ]}
      />
    </section>
  )
}

/** One list of the Due screen, opened from a home count. */
export function FocusedDueList({ focus }: { focus: { mine: boolean; list: DueList } }) {
  const { mine, list } = focus
  const handover = list !== 'late' && !isMinimumWorklist(list)
  // Whose cases, in words: a handover list holds the POM's co-worked cases too (spec A.1).
  const lead = !mine ? 'Across the establishment.' : handover ? 'Your cases only: those allocated to you and those you co-work.' : 'Your cases only: those allocated to you.'
  return (
    <>
      <PageHeading title={DUE_LIST_TITLES[list]} lead={lead} />
      <Stack gap="lg">
        <Text size="sm">
          <Anchor href={hrefFor('home')}>Back to Home</Anchor> · <Anchor href={dueHrefWithMine('', mine)}>See everything due and overdue</Anchor>
        </Text>
        <WholeEstablishmentSwitch mine={mine} />
        {list === 'late' ? <LateRecordsList mine={mine} /> : isMinimumWorklist(list) ? <MinimaList mine={mine} list={list} /> : <HandoverListsSection mine={mine} only={list} />}
      </Stack>
    </>
  )
}
