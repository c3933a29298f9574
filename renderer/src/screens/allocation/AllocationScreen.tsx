import { Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { PrisonerForm } from '../prisoner/PrisonerForm'
import { ErrorText } from '../../app/ErrorText'
import { OverrideNote } from '../../app/OverrideNote'
import { PageHeading } from '../../app/PageHeading'
import { prisonerHref } from '../../app/routes'
import { useAllocationOverview } from '../../data/caseloadHooks'
import { formatDate } from '../../lib/format'
import { RESPONSIBILITY_LABELS } from '../../lib/labels'
import { AllocateControl } from '../prisoner/AllocateControl'
import { BulkReallocation } from './BulkReallocation'
import { PomLoadTable } from './PomLoadTable'
import classes from './AllocationScreen.module.css'
import { channelTag, useCan } from '../../app/can'
import type { AllocationOverview } from '../../../../shared/ipc/channels/allocation'

type Unallocated = AllocationOverview['unallocated'][number]

/** Why the case waits, and from when: "New arrival on 12/10/2026", "Newly sentenced on 01/11/2026". */
function waitingText(r: Unallocated): string {
  switch (r.reason) {
    case 'new_arrival':
      return `New arrival on ${formatDate(r.arrivalDate ?? r.sentenceStartDate)}`
    case 'newly_sentenced':
      return `Newly sentenced on ${formatDate(r.sentenceStartDate)}`
    case 'unallocated':
      return `Not allocated; sentenced on ${formatDate(r.sentenceStartDate)}`
    default: {
      const never: never = r.reason
      return String(never)
    }
  }
}

export function AllocationScreen() {
  const q = useAllocationOverview()
  const [adding, setAdding] = useState(false)
  // Issue 16: controls only for a role the rules table lets use them (shared/permissions/rules.ts).
  const canAdd = useCan('prisoners.create')
  const canAllocate = useCan('allocations.allocate')
  const canReallocate = useCan('reallocation.apply')
  return (
    <>
      <PageHeading title="Allocation" lead="Cases waiting for a POM (new arrivals and the newly sentenced first), and each POM's current load and case mix." />
      {canAdd ? (
        <Group mb="md">
          <Button variant="default" onClick={() => setAdding(true)} {...channelTag('prisoners.create')}>
            Add a prisoner
          </Button>
        </Group>
      ) : null}
      {adding ? <PrisonerForm prisoner={null} opened onClose={() => setAdding(false)} /> : null}
      {q.error ? <ErrorText error={q.error} /> : null}
      {!q.data ? (
        <Loader aria-label="Loading" />
      ) : (
        <Stack gap="xl">
          <div className={classes.layout}>
            <section aria-labelledby="unallocated-title">
              <Title order={2} size="h3" id="unallocated-title" mb="xs">
                Waiting for a POM ({q.data.unallocated.length})
              </Title>
              {q.data.unallocated.length === 0 ? (
                <Text size="sm">Every case in custody has a POM.</Text>
              ) : (
                <ol className={classes.waiting} aria-label="Cases without a POM, new arrivals and the newly sentenced first">
                  {q.data.unallocated.map((r) => (
                    <li key={r.prisonerId} className={classes.case}>
                      <Anchor href={prisonerHref(r.prisonerId)} fw={600}>
                        {r.name}
                      </Anchor>{' '}
                      <Text span size="sm">
                        ({r.prisonNumber})
                      </Text>
                      <Text size="sm">
                        {waitingText(r)} · {r.tier ? `Tier ${r.tier}` : 'No tier recorded'} · Responsible: {RESPONSIBILITY_LABELS[r.responsibility]}
                      </Text>
                      <OverrideNote note={r.override} />
                      {canAllocate ? (
                        <div style={{ marginTop: 'var(--mantine-spacing-xs)' }}>
                          <AllocateControl prisonerId={r.prisonerId} currentPomId={null} label={`Allocate ${r.name} to`} />
                        </div>
                      ) : null}
                    </li>
                  ))}
                </ol>
              )}
            </section>
            <PomLoadTable poms={q.data.poms} />
          </div>
          {/* Issue 17: bulk reallocation of a POM's cases, with a preview (HOMD, HOMS). */}
          {canReallocate ? <BulkReallocation /> : null}
        </Stack>
      )}
    </>
  )
}
