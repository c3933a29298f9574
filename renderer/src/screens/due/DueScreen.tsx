import { Anchor, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { DataTable } from '../../app/DataTable'
import { ErrorText } from '../../app/ErrorText'
import { OverrideNote } from '../../app/OverrideNote'
import { PageHeading } from '../../app/PageHeading'
import { prisonerHref } from '../../app/routes'
import { StatusBadge } from '../../app/StatusBadge'
import { useDueOverview } from '../../data/caseloadHooks'
import { formatDate } from '../../lib/format'
import { howSoon } from '../../lib/howSoon'
import { RULE_SHORT } from '../../lib/labels'
import { ParoleCasesSection } from './ParoleCasesSection'
import { HandoverListsSection } from './HandoverListsSection'
import { FocusedDueList } from './FocusedDueList'
import { dueMineFor, useDueFocus } from './dueFocus'
import { WholeEstablishmentSwitch } from './WholeEstablishmentSwitch'
import { useRole } from '../../app/can'

function Count({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm">{label}</Text>
      <Text fz={28} fw={700}>
        {value.toLocaleString('en-GB')}
      </Text>
    </Paper>
  )
}

/**
 * Issue 16: opened from a home count (`#/due?mine=1&list=overdue`), the screen shows that one list
 * of the signed-in POM's own cases (or of the establishment's); otherwise everything due.
 */
export function DueScreen() {
  const focus = useDueFocus()
  const role = useRole()
  // Issue 16, "Nothing of other POMs unless asked": a POM starts on their own cases (dueFocus.ts).
  const mine = dueMineFor(focus, role)
  return focus.list !== null ? <FocusedDueList focus={{ mine, list: focus.list }} /> : <WholeDueScreen mine={mine} />
}

function WholeDueScreen({ mine }: { mine: boolean }) {
  const q = useDueOverview(mine)
  const d = q.data
  return (
    <>
      <PageHeading
        title="Due and overdue"
        lead={`${mine ? 'Your own cases (the handover lists include the cases you co-work)' : 'Across the establishment, every POM’s cases'}: supervision minima overdue or falling due, per POM, and handovers to the COM. A minimum more than a few weeks past its due date is missed: it is not listed here and stays in the case’s history.`}
      />
      <WholeEstablishmentSwitch mine={mine} />
      {q.error ? <ErrorText error={q.error} /> : null}
      {!d ? (
        <Loader aria-label="Loading" />
      ) : (
        <Stack gap="xl">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Count label="Overdue" value={d.totals.overdue} />
            <Count label="Due in the next 7 days" value={d.totals.due7} />
            <Count label="Due in the next 28 days" value={d.totals.due28} />
          </SimpleGrid>
          <section aria-labelledby="per-pom-title">
            <Title order={2} size="h3" id="per-pom-title" mb="xs">
              Per POM
            </Title>
            <DataTable
              caption="Minima overdue and due, per POM"
              rows={d.perPom}
              rowKey={(r) => r.pomId ?? 0}
              empty="Nothing is due or overdue."
              columns={[
                { header: 'POM', cell: (r) => r.pomName },
                { header: 'Overdue', cell: (r) => r.overdue },
                { header: 'Due in 7 days', cell: (r) => r.due7 },
                { header: 'Due in 28 days', cell: (r) => r.due28 },
              ]}
            />
          </section>
          <section aria-labelledby="items-title">
            <Title order={2} size="h3" id="items-title" mb="xs">
              Minima to act on ({d.items.length})
            </Title>
            <DataTable
              caption="Overdue first, then soonest due"
              rows={d.items.slice(0, 300)}
              rowKey={(r) => `${r.prisonerId}-${r.rule}`}
              empty="Nothing is due in the next 28 days and nothing is overdue."
              columns={[
                { header: 'Name', cell: (r) => (<><Anchor href={prisonerHref(r.prisonerId)}>{r.name}</Anchor><OverrideNote note={r.override} /></>) },
                { header: 'POM', cell: (r) => r.pomName ?? 'Unallocated' },
                { header: 'Minimum', cell: (r) => RULE_SHORT[r.rule] },
                { header: 'Achieved', cell: (r) => `${r.achieved} of ${r.required}` },
                { header: 'Due by', cell: (r) => formatDate(r.dueBy) },
                // issue 16: how soon, in words: "in 3 days" or "4 days late".
                { header: 'When', cell: (r) => howSoon(r.dueBy, d.today).text },
                { header: 'Status', cell: (r) => <StatusBadge status={r.status} /> },
              ]}
            />
            {d.items.length > 300 ? <Text size="sm">Showing the first 300 of {d.items.length}. Filter the caseload to see the rest.</Text> : null}
          </section>
          {/* Issue 17: the handover lists of ../shared/specs/mpc-rules.md A.1 replace the responsibility buckets. */}
          <HandoverListsSection mine={mine} />
          <ParoleCasesSection />
        </Stack>
      )}
    </>
  )
}
