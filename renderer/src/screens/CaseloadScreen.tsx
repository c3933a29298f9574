import { Alert, Button, Group, Loader, Text } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { useMemo, useState } from 'react'
import { POM_ROLES } from '../../../shared/ipc/values'
import type { CaseloadView } from '../../../shared/ipc/channels/prefs'
import { EmptyState } from '../app/EmptyState'
import { ErrorText } from '../app/ErrorText'
import { PageHeading } from '../app/PageHeading'
import { hrefFor } from '../app/routes'
import { useCaseload, useCaseloadView, useSaveCaseloadView, useStaff } from '../data/caseloadHooks'
import { useEstablishment } from '../data/hooks'
import { POLICY_SHORT, STAGE_NAMES } from '../lib/format'
import { CaseTable } from './caseload/CaseTable'
import { Filters } from './caseload/Filters'
import { applyView } from './caseload/view'
import { channelTag, useCan, whoCan } from '../app/can'

function CaseloadBody({ initial }: { initial: CaseloadView }) {
  const [view, setView] = useState(initial)
  const save = useSaveCaseloadView()
  // Issue 16: the empty caseload offers the import only to a role that may import (shared/permissions/rules.ts).
  const canImport = useCan('caseImport.commit')
  const persist = useDebouncedCallback((v: CaseloadView) => save.mutate(v), 400)
  const change = (v: CaseloadView) => {
    setView(v)
    persist(v)
  }
  const caseload = useCaseload(view.pomId)
  const staff = useStaff()
  const { data: est } = useEstablishment()
  const poms = useMemo(() => (staff.data ?? []).filter((s) => s.active && POM_ROLES.includes(s.role)), [staff.data])
  const data = caseload.data
  const rows = useMemo(() => (data ? applyView(data.rows, view, data.today, data.priorityFirst) : []), [data, view])

  if (caseload.error) return <ErrorText error={caseload.error} title="The caseload could not be loaded" />
  if (!data) return <Loader aria-label="Loading the caseload" />
  if (data.rows.length === 0 && view.pomId === null) {
    return (
      <EmptyState title="No cases yet" action={canImport ? <Button component="a" href={hrefFor('import')} {...channelTag('caseImport.commit')}>Import prisoners from CSV</Button> : undefined}>
        {canImport
          ? 'Import prisoners from a CSV file, then allocate them to POMs on the Allocation screen. Each case then shows its handover dates and the supervision minima it must meet.'
          : `There are no cases yet. ${whoCan('caseImport.commit')}`}
      </EmptyState>
    )
  }
  return (
    <>
      {data.priorityFirst && est ? (
        // Issue 16 (1024x700): one line, so the table starts on the first screen.
        <Alert color="orange" py={8} mb="sm">
          <Text size="sm">
            <strong>{`${est.name} is at ${STAGE_NAMES[data.stage]}`}</strong>: cases in a priority cohort for supervision are listed first (OMU Exceptional Delivery Model, priority cohorts).
          </Text>
        </Alert>
      ) : null}
      {data.problems.length > 0 ? (
        <Alert color="red" title={`${data.problems.length} case${data.problems.length === 1 ? '' : 's'} could not be assessed`} mb="md">
          {data.problems.slice(0, 5).map((p) => (
            <Text key={p.prisonerId} size="sm">
              {p.prisonNumber}: {p.message}
            </Text>
          ))}
        </Alert>
      ) : null}
      <Filters view={view} onChange={change} poms={poms} />
      <Group justify="space-between" mb="xs">
        <Text size="sm" aria-live="polite">
          Showing {rows.length.toLocaleString('en-GB')} of {data.rows.length.toLocaleString('en-GB')} cases
        </Text>
        <Text size="sm" c="dimmed">
          Handover dates by {POLICY_SHORT[data.policy]}
        </Text>
      </Group>
      <CaseTable rows={rows} sort={view.sort} onSort={(sort) => change({ ...view, sort })} policyName={POLICY_SHORT[data.policy]} today={data.today} />
    </>
  )
}

export function CaseloadScreen() {
  const saved = useCaseloadView()
  return (
    <>
      <PageHeading title="Caseload" lead="Each case, who is responsible, the next minimum due and the handover dates." />
      {saved.error ? <ErrorText error={saved.error} /> : saved.data ? <CaseloadBody initial={saved.data} /> : <Loader aria-label="Loading" />}
    </>
  )
}
