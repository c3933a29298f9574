import { Anchor, Badge, Group, Loader, Stack, Text, Title } from '@mantine/core'
import type { HandoverListItem } from '../../../../shared/ipc/channels/handover'
import { DataTable } from '../../app/DataTable'
import { ErrorText } from '../../app/ErrorText'
import { OverrideNote } from '../../app/OverrideNote'
import { prisonerHref } from '../../app/routes'
import { useHandoverLists } from '../../data/handoverHooks'
import { formatDate } from '../../lib/format'
import { handoverDaysText, type HandoverListName } from '../../lib/handoverDays'

// Issue 17: the handover lists of ../shared/specs/mpc-rules.md A.1 (upcoming, in progress, COM
// allocation overdue, overdue handover tasks) and the cases to notify the community about (seed
// 003 Annex B: 45 days before the handover date), each row with its days in words and a link to
// the case. Membership is the engine's (handoverLists), worked out in the main process.

/** Shown at most per list; the rest are on each case's page. */
const SHOWN = 200

const LISTS: readonly { list: HandoverListName; title: string; lead: string; empty: string }[] = [
  { list: 'upcoming', title: 'Upcoming handovers', lead: 'The handover starts within 8 weeks and no COM is recorded yet.', empty: 'No handovers start in the next 8 weeks without a COM.' },
  { list: 'inProgress', title: 'Handovers in progress', lead: 'A COM is recorded before the handover starts, or the COM is supporting or responsible.', empty: 'No handovers are in progress.' },
  { list: 'comAllocationOverdue', title: 'COM allocation overdue', lead: 'The COM has been responsible for 2 days or more and no COM is recorded.', empty: 'No case is waiting for a COM to be allocated.' },
  { list: 'overdueTasks', title: 'Overdue handover tasks', lead: 'The COM is responsible and the handover checklist is not complete.', empty: 'No handover tasks are overdue.' },
  { list: 'toNotify', title: 'To notify the community', lead: 'From 45 days before the handover date until the community is notified.', empty: 'No case is waiting for the community to be notified.' },
]

function ListTable({ list, title, lead, empty, rows }: { list: HandoverListName; title: string; lead: string; empty: string; rows: HandoverListItem[] }) {
  const id = `handover-list-${list}`
  return (
    <section aria-labelledby={id}>
      <Title order={3} size="h4" id={id}>
        {title} ({rows.length.toLocaleString('en-GB')})
      </Title>
      <Text size="sm" mb="xs">
        {lead}
      </Text>
      <DataTable
        // The main process sorts overdue first (longest overdue at the top), then by days left (handover/handlers.ts).
        caption={list === 'upcoming' || list === 'toNotify' ? 'Soonest first' : list === 'inProgress' ? 'Overdue first, longest overdue at the top; then soonest first' : 'Longest overdue first'}
        rows={rows.slice(0, SHOWN)}
        rowKey={(r) => r.prisonerId}
        empty={empty}
        columns={[
          // Issue 17: an override is a note beside the row; the list stays the engine's (spec A.1).
          { header: 'Name', cell: (r) => (<><Anchor href={prisonerHref(r.prisonerId)}>{r.name}</Anchor><OverrideNote note={r.override} /></>) },
          { header: 'Prison number', cell: (r) => r.prisonNumber },
          { header: 'POM', cell: (r) => r.pomName ?? 'Unallocated' },
          { header: 'COM', cell: (r) => r.comName ?? 'Not recorded' },
          { header: 'Handover starts', cell: (r) => formatDate(r.comAllocatedDate ?? r.comResponsibleDate) },
          { header: 'Handover date', cell: (r) => formatDate(r.comResponsibleDate) },
          {
            header: 'Days',
            cell: (r) => (
              <Group gap={6} wrap="nowrap">
                <span>{handoverDaysText(list, r)}</span>
                {/* Spec A7: "Handover due soon", in words beside the count. */}
                {list === 'upcoming' && r.dueSoon ? (
                  <Badge variant="light" color="orange">
                    Due soon
                  </Badge>
                ) : null}
              </Group>
            ),
          },
        ]}
      />
      {rows.length > SHOWN ? <Text size="sm">Showing the first {SHOWN} of {rows.length.toLocaleString('en-GB')}.</Text> : null}
    </section>
  )
}

/**
 * Issue 16: `mine` shows the signed-in user's own cases (always so for a POM); `only` shows one list,
 * the one a home count links to (dueFocus.ts).
 */
export function HandoverListsSection({ mine = false, only = null }: { mine?: boolean; only?: HandoverListName | null } = {}) {
  const q = useHandoverLists(mine)
  const d = q.data
  return (
    <section aria-labelledby="handover-lists-title">
      <Title order={2} size="h3" id="handover-lists-title" mb="xs">
        Handovers to the community
      </Title>
      {q.error ? <ErrorText error={q.error} title="The handover lists could not be shown" /> : null}
      {!d ? (
        q.error ? null : <Loader aria-label="Loading" size="sm" />
      ) : (
        <Stack gap="lg">
          {LISTS.filter((l) => only === null || l.list === only).map((l) => (
            <ListTable key={l.list} {...l} rows={d[l.list]} />
          ))}
        </Stack>
      )}
    </section>
  )
}
