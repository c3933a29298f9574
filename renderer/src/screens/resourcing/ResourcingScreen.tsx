// The resourcing plan (issue 19, "Resourcing plan"; part of the RRMP): can the OMU staff the
// target stage over the next 12 weeks? Hours needed against available per week by POM type, the
// weeks short of hours, the cases at risk of missing a minimum if nothing changes, what-if inputs
// that recompute at once, and the assumptions. Seed 002: "Local resourcing plans should be
// submitted and agreed by the Divisional Implementation Boards".
import { Anchor, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { DataTable } from '../../app/DataTable'
import { ErrorText } from '../../app/ErrorText'
import { Notice } from '../../app/Notice'
import { PageHeading } from '../../app/PageHeading'
import { hrefFor, prisonerHref } from '../../app/routes'
import { useResourcingPlan } from '../../data/resourcingHooks'
import { stageLabel } from '../../../../shared/export/labels'
import { formatDate } from '../../lib/format'
import { RULE_SHORT } from '../../lib/labels'
import { plural } from '../../lib/plural'
import { AssumptionsPanel } from './AssumptionsPanel'
import { hours, REASON_TEXT } from './format'
import { ResourcingCharts, WeeksTable } from './ResourcingCharts'
import { NO_WHAT_IF, WhatIfPanel, whatIfOf, type WhatIfState } from './WhatIfPanel'

export function ResourcingScreen() {
  const [whatIfState, setWhatIf] = useState<WhatIfState>(NO_WHAT_IF)
  // Typing a number asks once it settles, not on every keystroke.
  const [settled] = useDebouncedValue(whatIfState, 250)
  const plan = useResourcingPlan(whatIfOf(settled))
  const p = plan.data
  return (
    <>
      <PageHeading title="Resourcing" lead="Can the OMU staff the target stage? POM hours needed and available over the next 12 weeks." />
      {plan.error ? <ErrorText error={plan.error} title="The resourcing plan could not be worked out" /> : null}
      {!p ? (
        plan.isLoading ? <Loader aria-label="Working out the resourcing plan" /> : null
      ) : (
        <Stack gap="lg">
          <Paper withBorder p="lg" component="section" aria-labelledby="resourcing-summary-title">
            <Stack gap="sm">
              <Title order={2} size="h3" id="resourcing-summary-title">
                {stageLabel(p.currentStage)} to {stageLabel(p.targetStage)}, from {formatDate(p.today)}
              </Title>
              {/* Announced when a what-if changes the answer (role="status" is always on the page). */}
              <div role="status" aria-live="polite">
                {p.summary.weeksFlagged === 0 ? (
                  <Notice tone="success" title="Enough POM hours in every one of the 12 weeks." />
                ) : (
                  <Notice tone="failure" title={`${plural(p.summary.weeksFlagged, 'week')} of 12 short of POM hours.`}>
                    Short by {hours(p.summary.shortfallHours.prison)} prison POM hours and {hours(p.summary.shortfallHours.probation)} probation POM hours in all; {hours(p.summary.shortfallHours.total)} hours across all work.
                  </Notice>
                )}
                <Text size="sm" mt="xs">
                  {plural(p.summary.casesAtRisk, 'case')} at risk of missing a minimum if nothing changes. {plural(p.cases, 'case')} in custody counted
                  {p.notEvaluated > 0 ? `; ${plural(p.notEvaluated, 'case')} left out because their dates could not be worked out (see the Caseload)` : ''}. Receptions a week: {p.receptionsPerWeek}.
                  {p.whatIf ? ' Worked out with the what-if below: nothing is saved.' : ''}
                </Text>
              </div>
              <ResourcingCharts plan={p} />
              <WeeksTable plan={p} />
            </Stack>
          </Paper>

          <WhatIfPanel value={whatIfState} onChange={setWhatIf} savedReceptions={p.inputs.receptionsPerWeek} />

          <Paper withBorder p="lg" component="section" aria-labelledby="at-risk-title">
            <Stack gap="sm">
              <Title order={2} size="h3" id="at-risk-title">
                Cases at risk of missing a minimum
              </Title>
              {/* Seed 003 Annex B minima, named as a HOMS knows them (issue 16: no seed file numbers on screens). */}
              <Text size="sm">Sessions still needed in the next 12 weeks that fall in a week with no POM to hold them, or short of hours (the national minimum standards for POM supervision).</Text>
              <DataTable
                caption="Cases at risk, soonest due first"
                rows={p.atRisk}
                rowKey={(r) => `${r.prisonerId}-${r.rule}`}
                empty="No case is at risk of missing a minimum in the next 12 weeks."
                columns={[
                  { header: 'Prisoner', cell: (r) => <Anchor href={prisonerHref(r.prisonerId)}>{`${r.name} (${r.prisonNumber})`}</Anchor> },
                  { header: 'POM', cell: (r) => r.pomName ?? 'None' },
                  { header: 'Minimum', cell: (r) => RULE_SHORT[r.rule] },
                  { header: 'Sessions still needed', cell: (r) => `${r.outstanding} of ${r.required}` },
                  { header: 'Due by', cell: (r) => formatDate(r.dueBy) },
                  { header: 'Why at risk', cell: (r) => r.reasons.map((x) => REASON_TEXT[x]).join('; ') },
                ]}
              />
            </Stack>
          </Paper>

          <AssumptionsPanel key={JSON.stringify(p.inputs)} plan={p} />
          <Text size="sm">
            POMs’ hours, availability and planned changes are kept in <Anchor href={hrefFor('settings')}>Settings › POM capacity</Anchor>.
          </Text>
        </Stack>
      )}
    </>
  )
}
