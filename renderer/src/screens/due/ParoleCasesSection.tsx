import { Anchor, Loader, Text, Title } from '@mantine/core'
import { DataTable } from '../../app/DataTable'
import { OverrideNote } from '../../app/OverrideNote'
import { ErrorText } from '../../app/ErrorText'
import { prisonerHref } from '../../app/routes'
import { useParoleCases } from '../../data/paroleHooks'
import { formatDate } from '../../lib/format'
import { handoverReasonLabel } from '../../lib/handoverText'
import { howSoon } from '../../lib/howSoon'
import { PAROLE_OUTCOME_LABELS, RESPONSIBILITY_LABELS } from '../../lib/labels'

/** A hearing is not "late": one in the past (its outcome not yet recorded) was "N days ago". */
function whenText(hearing: string, today: string): string {
  const soon = howSoon(hearing, today)
  return soon.days < 0 ? `${-soon.days} day${soon.days === -1 ? '' : 's'} ago` : soon.text
}

/** Shown at most; the rest are on each case's page. */
const SHOWN = 200

/**
 * Issue 17, "Parole": the parole cases with their next hearing (a case with a parole review, or an
 * indeterminate sentence with a target hearing date), soonest first, with who is responsible and
 * why under the handover rules (issue 20: a hearing more than 12 months away changes it).
 */
export function ParoleCasesSection() {
  const q = useParoleCases()
  const d = q.data
  return (
    <section aria-labelledby="parole-cases-title">
      <Title order={2} size="h3" id="parole-cases-title" mb="xs">
        Parole cases{d ? ` (${d.cases.length})` : ''}
      </Title>
      {q.error ? <ErrorText error={q.error} title="The parole cases could not be shown" /> : null}
      {!d ? (
        q.error ? null : <Loader aria-label="Loading" size="sm" />
      ) : (
        <>
          <DataTable
            caption="Soonest next hearing first"
            rows={d.cases.slice(0, SHOWN)}
            rowKey={(r) => r.prisonerId}
            empty="No case has a parole review or an indeterminate sentence with a target hearing date."
            columns={[
              { header: 'Name', cell: (r) => <Anchor href={prisonerHref(r.prisonerId)}>{r.name}</Anchor> },
              { header: 'Prison number', cell: (r) => r.prisonNumber },
              { header: 'POM', cell: (r) => r.pomName ?? 'Unallocated' },
              { header: 'Next hearing', cell: (r) => (r.nextHearingDate ? formatDate(r.nextHearingDate) : 'Not set') },
              { header: 'When', cell: (r) => (r.nextHearingDate ? whenText(r.nextHearingDate, d.today) : '') },
              { header: 'Last outcome', cell: (r) => (r.lastOutcome ? PAROLE_OUTCOME_LABELS[r.lastOutcome] : 'None recorded') },
              // Issue 17: a HOMD's override in force is shown beside the engine's answer, which stays.
              { header: 'Responsible', cell: (r) => (<>{RESPONSIBILITY_LABELS[r.responsibility]}<OverrideNote note={r.override} /></>) },
              { header: 'Handover', cell: (r) => handoverReasonLabel(r.handoverReason) },
            ]}
          />
          {d.cases.length > SHOWN ? <Text size="sm">Showing the first {SHOWN} of {d.cases.length}.</Text> : null}
          {d.problems.length > 0 ? <Text size="sm">{d.problems.length} parole case{d.problems.length === 1 ? '' : 's'} could not be assessed: open the caseload to see why.</Text> : null}
        </>
      )}
    </section>
  )
}
