// The landing page after sign-in (issue 16, "Home screen per role"): what this person must do
// today. Every figure comes from the main process (home.get), worked out from the same engines as
// the caseload and due list; this screen only lays them out and links to the filtered lists.
import { Alert, Anchor, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import type { AllocationWork, Compliance, Home, MyWork, PlanGlance } from '../../../../shared/ipc/channels/home'
import type { CaseloadView } from '../../../../shared/ipc/channels/prefs'
import { DEFAULT_CASELOAD_VIEW } from '../../../../shared/ipc/values'
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
        <Anchor href={href} size="sm" aria-label={`Show them: ${label.toLowerCase()}`}>
          Show them
        </Anchor>
      ) : null}
    </Paper>
  )
}

function MyWorkSection({ work, today }: { work: MyWork; today: string }) {
  const saveView = useSaveCaseloadView()
  // Opens the caseload on this POM's cases with one filter (the saved view is the user's own).
  const openCaseload = (filter: Partial<CaseloadView>) => () =>
    saveView.mutate({ ...DEFAULT_CASELOAD_VIEW, pomId: work.pomId, sort: { column: 'dueBy', direction: 'asc' }, ...filter }, { onSettled: () => (window.location.hash = hrefFor('caseload')) })
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
          <Count label="Overdue, still to act on" value={c.overdue} onOpen={openCaseload({ status: ['overdue'] })} />
          <Count label="Due in the next 7 days" value={c.due7} onOpen={openCaseload({ status: ['due'], dueWithinDays: 7 })} />
          <Count label="Due in the next 28 days" value={c.due28} onOpen={openCaseload({ status: ['due'], dueWithinDays: 28 })} />
          <Count label="Handovers starting in the next 8 weeks" value={c.handovers8Weeks} href={hrefFor('due')} />
          <Count label="Transfers awaiting their first session" value={c.transfersAwaiting} href={hrefFor('due')} />
          <Count label="Records entered late this month" value={c.lateThisMonth} />
          {/* Issue 17: handover checklists open on the POM's cases (../shared/specs/mpc-rules.md D.4, A4). */}
          <Count label="Handover checklists due" value={c.checklistsDue} href={hrefFor('due')} />
          <Count label="Cases with handover tasks overdue" value={c.handoverTasksOverdue} href={hrefFor('due')} />
        </SimpleGrid>
      </section>
      <section aria-labelledby="my-checklists-title">
        <Title order={2} size="h3" id="my-checklists-title" mb="xs">
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
      </section>
    </Stack>
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
        <Count label="Cases waiting for a POM" value={work.unallocated.length} href={hrefFor('allocation')} />
        <Count label="Handovers without a COM" value={work.comNotAllocatedTotal} href={hrefFor('due')} />
        <Count label="Minima overdue, still to act on" value={work.overdueTotal} href={hrefFor('due')} />
        <Count label="POMs over their capacity" value={work.overCapacity.length} />
        <Count label="POMs unavailable today" value={work.unavailableToday.length} />
      </SimpleGrid>
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
            { header: 'Name', cell: (r) => <Anchor href={prisonerHref(r.prisonerId)}>{r.name}</Anchor> },
            { header: 'Prison number', cell: (r) => r.prisonNumber },
            { header: 'Waiting since', cell: (r) => formatDate(r.waitingSince) },
            { header: 'Days waiting', cell: (r) => plural(r.daysWaiting, 'day') },
          ]}
        />
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
        {role === 'governor' && plan.awaitingGovernor ? (
          <Alert color="blue" variant="filled" title="Your decision is needed">
            Version {plan.version} of the RRMP was submitted and waits for the Governor’s decision.{' '}
            <Anchor href={hrefFor('readiness')} c="white" underline="always">
              Review and decide
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
                  <strong>Baseline {b.baselineId}</strong>: {b.text}
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
