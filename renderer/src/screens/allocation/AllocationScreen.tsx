import { Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { PrisonerForm } from '../prisoner/PrisonerForm'
import { DataTable } from '../../app/DataTable'
import { ErrorText } from '../../app/ErrorText'
import { PageHeading } from '../../app/PageHeading'
import { prisonerHref } from '../../app/routes'
import { useAllocationOverview } from '../../data/caseloadHooks'
import { formatDate } from '../../lib/format'
import { RESPONSIBILITY_LABELS, ROLE_LABELS } from '../../lib/labels'
import { AllocateControl } from '../prisoner/AllocateControl'
import { availabilityText } from '../prisoner/pomChoice'
import { BulkReallocation } from './BulkReallocation'
import { channelTag, useCan } from '../../app/can'

const REASONS = { new_arrival: 'New arrival', newly_sentenced: 'Newly sentenced', unallocated: 'Not allocated' } as const

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
          <section aria-labelledby="unallocated-title">
            <Title order={2} size="h3" id="unallocated-title" mb="xs">
              Waiting for a POM ({q.data.unallocated.length})
            </Title>
            <DataTable
              caption="Cases without a POM"
              rows={q.data.unallocated}
              rowKey={(r) => r.prisonerId}
              empty="Every case in custody has a POM."
              columns={[
                { header: 'Name', cell: (r) => <Anchor href={prisonerHref(r.prisonerId)}>{r.name}</Anchor> },
                { header: 'Prison number', cell: (r) => r.prisonNumber },
                { header: 'Why', cell: (r) => REASONS[r.reason] },
                { header: 'Since', cell: (r) => formatDate(r.arrivalDate ?? r.sentenceStartDate) },
                { header: 'Tier', cell: (r) => r.tier ?? 'Not set' },
                { header: 'Responsible', cell: (r) => RESPONSIBILITY_LABELS[r.responsibility] },
                ...(canAllocate ? [{ header: 'Allocate', cell: (r: (typeof q.data.unallocated)[number]) => <AllocateControl prisonerId={r.prisonerId} currentPomId={null} label={`Allocate ${r.name} to`} /> }] : []),
              ]}
            />
          </section>
          <section aria-labelledby="load-title">
            <Title order={2} size="h3" id="load-title" mb="xs">
              POM caseloads
            </Title>
            <Text size="sm" mb="xs">
              Lightest load per contracted hour first.
            </Text>
            <DataTable
              caption="Each active POM's load and case mix"
              rows={q.data.poms}
              rowKey={(r) => r.staffId}
              empty="There are no active POMs. Add staff in Settings."
              columns={[
                { header: 'POM', cell: (r) => r.name },
                { header: 'Role', cell: (r) => ROLE_LABELS[r.role] },
                { header: 'Hours a week', cell: (r) => r.hoursPerWeek },
                { header: 'Cases', cell: (r) => r.caseCount },
                // Issue 17 ("POMs: availability"): capacity for the contracted hours, and availability today, in words.
                { header: 'Capacity', cell: (r) => (r.caseCount > r.capacity ? `${r.capacity}, over by ${r.caseCount - r.capacity}` : r.capacity) },
                { header: 'Availability', cell: (r) => availabilityText(r.availability) },
                { header: 'By responsibility', cell: (r) => `POM ${r.byResponsibility.pom} · with COM ${r.byResponsibility.pom_with_com} · COM ${r.byResponsibility.com}` },
                {
                  header: 'By tier',
                  cell: (r) =>
                    Object.entries(r.byTier)
                      .sort(([a], [b]) => a.localeCompare(b))
                      .map(([t, n]) => `${t}: ${n}`)
                      .join(' · ') || 'None',
                },
              ]}
            />
          </section>
          {/* Issue 17: bulk reallocation of a POM's cases, with a preview (HOMD, HOMS). */}
          {canReallocate ? <BulkReallocation /> : null}
        </Stack>
      )}
    </>
  )
}
