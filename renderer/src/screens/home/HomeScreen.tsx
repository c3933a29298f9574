// The landing page after sign-in (issue 16, "Home screen per role"): what this person must do
// today. Every figure comes from the main process (home.get), worked out from the same engines as
// the caseload and due list; this screen only lays them out and links to the filtered lists.
import { Alert, Anchor, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import type { AllocationWork, Compliance, HandoverCounts, Home, MyWork, PlanGlance } from '../../../../shared/ipc/channels/home'
import { DEFAULT_CASELOAD_VIEW } from '../../../../shared/ipc/values'
import { baselineName } from '../../../../shared/export/labels'
import { DataTable } from '../../app/DataTable'
import { ErrorText } from '../../app/ErrorText'
import { OverrideNote } from '../../app/OverrideNote'
import { PageHeading } from '../../app/PageHeading'
import { hrefFor, prisonerHref } from '../../app/routes'
import { StatusBadge } from '../../app/StatusBadge'
import { useSaveCaseloadView } from '../../data/caseloadHooks'
import { useHome } from '../../data/homeHooks'
import { formatDate, STAGE_NAMES } from '../../lib/format'
import { howSoon } from '../../lib/howSoon'
import { RULE_SHORT } from '../../lib/labels'
import { handoverDaysText } from '../../lib/handoverDays'
import { DUE_LIST_TITLES, dueListHref } from '../due/dueFocus'
import { FULL_TIME_CASELOAD, FULL_TIME_HOURS } from '../../../../shared/engine/resourcing/pomCaseload'

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

/** A count that opens the list it counts: the caseload with the matching filter, or another screen. */
function Count({ label, value, onOpen, href }: { label: string; value: number; onOpen?: () => void; href?: string }) {
  const figure = (
    <Text fz={28} fw={700} component="span" display="block">
      {value.toLocaleString('en-GB')}
    </Text>
  )
  return (
    <Paper withBorder p="md">
      <Text size="sm">{label}</Text>
      {figure}
      {onOpen ? (
        <Anchor component="button" type="button" size="sm" onClick={onOpen} aria-label={`Show them: ${label.toLowerCase()}`}>
          Show them
        </Anchor>
      ) : href ? (
        <Anchor href={href} size="sm" aria-label={`Show them: ${label.toLowerCase()}`} data-no-print>
          Show them
        </Anchor>
      ) : null}
    </Paper>
  )
}

function MyWorkSection({ work, today }: { work: MyWork; today: string }) {
  const saveView = useSaveCaseloadView()
  // Opens the caseload on this POM's cases, soonest due first (the saved view is the user's own).
  const openCaseload = () =>
    saveView.mutate({ ...DEFAULT_CASELOAD_VIEW, pomId: work.pomId, sort: { column: 'dueBy', direction: 'asc' } }, { onSettled: () => (window.location.hash = hrefFor('caseload')) })
  // Issue 16: each count opens the Due screen on exactly the cases it counts, the POM's own (dueFocus.ts).
  const mine = (list: Parameters<typeof dueListHref>[0]) => dueListHref(list, true)
  const showChecklists = () => {
    const heading = document.getElementById('my-checklists-title')
    heading?.scrollIntoView({ block: 'start' })
    heading?.focus()
  }
  if (work.pomId === null) {
    return (
      <Alert color="gray" title="No caseload linked to you">
        Your user is not linked to a POM’s staff record, so there is no caseload to show. A HOMS links it in Settings › Users.
      </Alert>
    )
  }
  const c = work.counts
  return (
    <Stack gap="lg">
      <section aria-labelledby="my-work-title">
        <Title order={2} size="h3" id="my-work-title" mb="xs">
          My work
        </Title>
        <SimpleGrid cols={{ base: 2, md: 3 }}>
          <Count label={DUE_LIST_TITLES.overdue} value={c.overdue} href={mine('overdue')} />
          <Count label={DUE_LIST_TITLES.due7} value={c.due7} href={mine('due7')} />
          <Count label={DUE_LIST_TITLES.due28} value={c.due28} href={mine('due28')} />
          <Count label={DUE_LIST_TITLES.transfers} value={c.transfersAwaiting} href={mine('transfers')} />
          <Count label={DUE_LIST_TITLES.late} value={c.lateThisMonth} href={mine('late')} />
          {/* Issue 17: handover checklists open on the POM's cases (../shared/specs/mpc-rules.md D.4, A4), listed below. */}
          <Count label="Handover checklists due" value={c.checklistsDue} onOpen={showChecklists} />
        </SimpleGrid>
      </section>
      <HandoverCountsSection counts={work.handovers} mine />
      <section aria-labelledby="my-checklists-title">
        <Title order={2} size="h3" id="my-checklists-title" mb="xs" tabIndex={-1}>
          My handover checklists
        </Title>
        <DataTable
          caption="Checklists open and not complete, overdue first"
          rows={work.checklists}
          rowKey={(r) => r.prisonerId}
          empty="No handover checklist is waiting for you."
          columns={[
            { header: 'Name', cell: (r) => (<><Anchor href={prisonerHref(r.prisonerId)}>{r.name}</Anchor><OverrideNote note={r.override} /></>) },
            { header: 'Prison number', cell: (r) => r.prisonNumber },
            { header: 'Handover date', cell: (r) => formatDate(r.comResponsibleDate) },
            { header: 'Progress', cell: (r) => `${r.completeCount} of ${r.total} done` },
            { header: 'Tasks', cell: (r) => (r.tasksOverdue ? <Text fw={700} size="sm">Overdue</Text> : 'Due') },
          ]}
        />
        {c.checklistsDue > work.checklists.length ? <Text size="sm">Showing {work.checklists.length} of {c.checklistsDue.toLocaleString('en-GB')}, overdue first.</Text> : null}
      </section>
      <section aria-labelledby="my-cases-title">
        <Title order={2} size="h3" id="my-cases-title" mb="xs">
          My cases by days left
        </Title>
        <DataTable
          caption={`Open supervision minima of your ${plural(work.caseCount, 'case')}, fewest days left first`}
          rows={work.cases}
          rowKey={(r) => `${r.prisonerId}-${r.rule}`}
          empty="Nothing is open on your cases."
          columns={[
            { header: 'Name', cell: (r) => (<><Anchor href={prisonerHref(r.prisonerId)}>{r.name}</Anchor><OverrideNote note={r.override} /></>) },
            { header: 'Prison number', cell: (r) => r.prisonNumber },
            { header: 'Minimum', cell: (r) => RULE_SHORT[r.rule] },
            { header: 'Held', cell: (r) => `${r.achieved} of ${r.required}` },
            { header: 'Due by', cell: (r) => formatDate(r.dueBy) },
            { header: 'When', cell: (r) => <Text fw={700} size="sm">{howSoon(r.dueBy, today).text}</Text> },
            { header: 'Status', cell: (r) => <StatusBadge status={r.status} /> },
          ]}
        />
        {/* Issue 16: a capped list says so, with the way to the full caseload. */}
        {work.casesTotal > work.cases.length ? (
          <Text size="sm">
            Showing {work.cases.length} of {work.casesTotal.toLocaleString('en-GB')}.{' '}
            <Anchor component="button" type="button" size="sm" onClick={openCaseload}>
              See all your cases in the caseload
            </Anchor>
          </Text>
        ) : null}
      </section>
    </Stack>
  )
}

/**
 * Issue 17 ("Handover lists (Due screen and home screens)"): how many cases are on each handover
 * list of ../shared/specs/mpc-rules.md A.1 and to notify the community (seed 003 Annex B), each
 * opening the Due screen on that list: the POM's own cases (`mine`), or the establishment's.
 */
function HandoverCountsSection({ counts, mine }: { counts: HandoverCounts; mine: boolean }) {
  const lists = ['upcoming', 'inProgress', 'comAllocationOverdue', 'overdueTasks', 'toNotify'] as const
  return (
    <section aria-labelledby="handover-counts-title">
      <Title order={2} size="h3" id="handover-counts-title" mb="xs">
        {mine ? 'My handovers to the community' : 'Handovers to the community'}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 3 }}>
        {lists.map((l) => (
          <Count key={l} label={DUE_LIST_TITLES[l]} value={counts[l]} href={dueListHref(l, mine)} />
        ))}
      </SimpleGrid>
    </section>
  )
}

/**
 * Issue 16 ("POMs over their capacity") and issue 17 ("POMs: availability"). Capacity is the
 * full-time caseload in proportion to contracted hours (shared/engine/resourcing/pomCaseload.ts);
 * status is written in words, never shown by colour alone.
 */
function PomCapacitySections({ work }: { work: AllocationWork }) {
  return (
    <>
      <section aria-labelledby="over-capacity-title">
        <Title order={2} size="h3" id="over-capacity-title" mb="xs">
          POMs over their capacity ({work.overCapacity.length})
        </Title>
        <DataTable
          caption={`Cases held against the cases each POM can hold for their contracted hours (${FULL_TIME_CASELOAD} for ${FULL_TIME_HOURS} hours a week), furthest over first`}
          rows={work.overCapacity}
          rowKey={(r) => r.staffId}
          empty="No POM holds more cases than their capacity."
          columns={[
            { header: 'POM', cell: (r) => r.name },
            { header: 'Cases and capacity', cell: (r) => `${plural(r.caseCount, 'case')}, capacity ${r.capacity.toLocaleString('en-GB')}` },
            { header: 'Over by', cell: (r) => <Text fw={700} size="sm">{plural(r.caseCount - r.capacity, 'case')}</Text> },
          ]}
        />
      </section>
      <section aria-labelledby="unavailable-title">
        <Title order={2} size="h3" id="unavailable-title" mb="xs">
          POMs unavailable today ({work.unavailableToday.length})
        </Title>
        <DataTable
          caption="POMs away today and when they are back, soonest back first"
          rows={work.unavailableToday}
          rowKey={(r) => r.staffId}
          empty="Every active POM is available today."
          columns={[
            { header: 'POM', cell: (r) => r.name },
            { header: 'Away since', cell: (r) => formatDate(r.from) },
            { header: 'Back on', cell: (r) => (r.returnsOn === null ? 'No return date recorded' : formatDate(r.returnsOn)) },
            { header: 'Cases', cell: (r) => r.caseCount.toLocaleString('en-GB') },
          ]}
        />
      </section>
    </>
  )
}

function AllocationSection({ work }: { work: AllocationWork }) {
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 3 }}>
        <Count label="Cases waiting for a POM" value={work.unallocatedTotal} href={hrefFor('allocation')} />
        <Count label="Minima overdue, still to act on" value={work.overdueTotal} href={dueListHref('overdue', false)} />
        <Count label="POMs over their capacity" value={work.overCapacity.length} />
        <Count label="POMs unavailable today" value={work.unavailableToday.length} />
      </SimpleGrid>
      <HandoverCountsSection counts={work.handovers} mine={false} />
      <section aria-labelledby="waiting-title">
        <Title order={2} size="h3" id="waiting-title" mb="xs">
          Waiting for a POM
        </Title>
        <DataTable
          caption="Longest waiting first"
          rows={work.unallocated}
          rowKey={(r) => r.prisonerId}
          empty="Every case has a POM."
          columns={[
            // Issue 17: a HOMD's responsibility override, a note beside the name with the rules' answer.
            { header: 'Name', cell: (r) => (<><Anchor href={prisonerHref(r.prisonerId)}>{r.name}</Anchor><OverrideNote note={r.override} /></>) },
            { header: 'Prison number', cell: (r) => r.prisonNumber },
            { header: 'Waiting since', cell: (r) => formatDate(r.waitingSince) },
            { header: 'Days waiting', cell: (r) => plural(r.daysWaiting, 'day') },
          ]}
        />
        {work.unallocatedTotal > work.unallocated.length ? (
          <Text size="sm">
            Showing {work.unallocated.length} of {work.unallocatedTotal.toLocaleString('en-GB')}. <Anchor href={hrefFor('allocation')}>See them all on the Allocation screen.</Anchor>
          </Text>
        ) : null}
      </section>
      <PomCapacitySections work={work} />
      <section aria-labelledby="loads-title">
        <Title order={2} size="h3" id="loads-title" mb="xs">
          POMs by load
        </Title>
        <DataTable
          caption="Cases per contracted hour, heaviest first, with each POM’s overdue minima"
          rows={work.poms}
          rowKey={(r) => r.staffId}
          empty="No active POMs."
          columns={[
            { header: 'POM', cell: (r) => r.name },
            { header: 'Cases', cell: (r) => r.caseCount },
            { header: 'Hours a week', cell: (r) => r.hoursPerWeek },
            { header: 'Capacity', cell: (r) => plural(r.capacity, 'case') },
            { header: 'Cases per full-time week (37 hours)', cell: (r) => (r.hoursPerWeek > 0 ? Math.round((r.caseCount / r.hoursPerWeek) * 37) : '') },
            { header: 'Overdue', cell: (r) => r.overdue },
          ]}
        />
      </section>
      <section aria-labelledby="handovers-title">
        <Title order={2} size="h3" id="handovers-title" mb="xs">
          Handovers without a COM
        </Title>
        {/* Issue 17: the upcoming and COM allocation overdue lists (../shared/specs/mpc-rules.md A2, A5). */}
        <DataTable
          caption="COM allocation overdue first, then handovers starting within 8 weeks, soonest first"
          rows={work.comNotAllocated}
          rowKey={(r) => r.prisonerId}
          empty="Every handover under way or starting in the next 8 weeks has a COM recorded."
          columns={[
            { header: 'Name', cell: (r) => (<><Anchor href={prisonerHref(r.prisonerId)}>{r.name}</Anchor><OverrideNote note={r.override} /></>) },
            { header: 'POM', cell: (r) => r.pomName ?? 'Not allocated' },
            { header: 'Handover starts', cell: (r) => formatDate(r.comAllocatedDate ?? r.comResponsibleDate) },
            { header: 'Days', cell: (r) => handoverDaysText(r.list, r) },
          ]}
        />
        {work.comNotAllocatedTotal > work.comNotAllocated.length ? (
          <Text size="sm">
            Showing {work.comNotAllocated.length} of {work.comNotAllocatedTotal}. <Anchor href={hrefFor('due')}>See them all on the Due screen.</Anchor>
          </Text>
        ) : null}
      </section>
    </Stack>
  )
}

function PlanSection({ plan, role }: { plan: PlanGlance | null; role: Home['role'] }) {
  if (!plan) {
    return (
      <Alert color="gray" title="No RRMP yet">
        {role === 'homs' ? (
          <>
            No Regime Recovery Management Plan has been started.{' '}
            <Anchor href={hrefFor('rrmp')} c="inherit" underline="always">
              Start it in RRMP planning.
            </Anchor>
          </>
        ) : (
          'No Regime Recovery Management Plan has been started yet.'
        )}
      </Alert>
    )
  }
  return (
    <section aria-labelledby="plan-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="plan-title">
          RRMP version {plan.version}
        </Title>
        {/* Issue 16: any plan waiting for a decision the Governor records: their own, or the PGD's,
            Prison Gold's, the DIB's or Probation Gold's on that person's behalf (home/service.ts). */}
        {plan.awaitingGovernor && plan.nextStep ? (
          <Alert color="blue" variant="filled" title={plan.nextStep.stage === 'governor' ? 'Your decision is needed' : 'A decision to record'}>
            {plan.nextStep.stage === 'governor'
              ? `Version ${plan.version} of the RRMP was submitted and waits for the Governor’s decision.`
              : `Version ${plan.version} of the RRMP waits for the decision of the ${plan.nextStep.role}. Record it on their behalf when you have it.`}{' '}
            <Anchor href={hrefFor('readiness')} c="white" underline="always">
              {plan.nextStep.stage === 'governor' ? 'Review and decide' : 'Record the decision'}
            </Anchor>
          </Alert>
        ) : null}
        {role === 'homs' && plan.awaitingHoms ? (
          <Alert color="yellow" title={plan.status === 'returned' ? 'Returned to you' : 'Still a draft'}>
            {plan.statusText}.{' '}
            {/* The alert's own text colour, underlined: the link colour on a tinted alert fails contrast in the dark theme (WCAG 1.4.3). */}
            <Anchor href={hrefFor('rrmp')} c="inherit" underline="always">
              Continue in RRMP planning
            </Anchor>
          </Alert>
        ) : null}
        <Text>
          {plan.statusText}. From {STAGE_NAMES[plan.currentStage as 1 | 2 | 3 | 4]} to {STAGE_NAMES[plan.targetStage as 1 | 2 | 3 | 4]}.
        </Text>
        <Text>
          Readiness: <strong>{plan.overall === 'ready' ? 'Ready' : 'Not ready'}</strong>, {plan.percent}% of the weighted mandatory baselines ready.
        </Text>
        {plan.blockers.length > 0 ? (
          <>
            <Title order={3} size="h4">
              What blocks the target stage ({plan.blockers.length})
            </Title>
            <Stack gap={4} component="ul" style={{ paddingLeft: 'var(--mantine-spacing-lg)', margin: 0 }}>
              {plan.blockers.slice(0, 8).map((b) => (
                <Text component="li" size="sm" key={b.baselineId}>
                  {/* Issue 16: named by number and title, as everywhere else; the full text is on the plan. */}
                  {baselineName(b.baselineId, b.text)}
                  {b.weighting === 3 ? ' (weighting 3)' : ''}
                </Text>
              ))}
            </Stack>
            {plan.blockers.length > 8 ? <Text size="sm">And {plural(plan.blockers.length - 8, 'more baseline')}: see the plan.</Text> : null}
          </>
        ) : (
          <Text size="sm">No baseline blocks the target stage.</Text>
        )}
      </Stack>
    </section>
  )
}

function ComplianceSection({ c }: { c: Compliance }) {
  const cell = (f: Compliance['byRule'][number]['thisMonth']) => (f.decided === 0 ? 'None fell due' : `${f.met} of ${f.decided} met (${f.percentMet ?? 0}%)`)
  return (
    <section aria-labelledby="compliance-title">
      <Title order={2} size="h3" id="compliance-title" mb="xs">
        Compliance by minimum
      </Title>
      <Table withTableBorder>
        <Table.Caption>
          Supervision minima whose due date fell in the period, up to today. Overdue and missed ones are not met; those still due are not counted yet.
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Minimum</Table.Th>
            <Table.Th scope="col">This month (from {formatDate(c.monthStart)})</Table.Th>
            <Table.Th scope="col">Last 3 months (from {formatDate(c.threeMonthsStart)})</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.byRule.map((r) => (
            <Table.Tr key={r.rule}>
              <Table.Th scope="row">{RULE_SHORT[r.rule]}</Table.Th>
              <Table.Td>{cell(r.thisMonth)}</Table.Td>
              <Table.Td>{cell(r.lastThreeMonths)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  )
}

const LEADS: Record<Home['role'], string> = {
  pom: 'What your cases need today.',
  homd: 'Cases to allocate, handovers coming up and each POM’s load.',
  homs: 'The plan, what blocks it, and how the OMU is doing.',
  governor: 'Decisions waiting for you, readiness and compliance at a glance.',
  read_only: 'Summaries of the plan and of compliance. You can read everything and change nothing.',
}

export function HomeScreen() {
  const q = useHome()
  const h = q.data
  return (
    <>
      <PageHeading title="Home" lead={h ? LEADS[h.role] : undefined} />
      {q.error ? <ErrorText error={q.error} /> : null}
      {!h ? (
        <Loader aria-label="Loading" />
      ) : (
        <Stack gap="xl">
          {h.plan !== null || h.role === 'homs' || h.role === 'governor' || h.role === 'read_only' ? <PlanSection plan={h.plan} role={h.role} /> : null}
          {h.myWork ? <MyWorkSection work={h.myWork} today={h.today} /> : null}
          {h.allocation ? <AllocationSection work={h.allocation} /> : null}
          {h.compliance ? <ComplianceSection c={h.compliance} /> : null}
          {h.notEvaluated > 0 ? <Text size="sm">{plural(h.notEvaluated, 'case')} could not be evaluated (a date missing or inconsistent) and are left out of these figures.</Text> : null}
        </Stack>
      )}
    </>
  )
}
