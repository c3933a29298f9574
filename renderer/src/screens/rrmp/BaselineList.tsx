// One row per baseline, grouped by area (seed 002 "Area/Process"), in the order to work in within
// each area (sequencePlan: weighting 3 precursors first). Weighting and autonomy show their meaning
// on hover or focus; status and readiness are words, never colour alone.
import { Accordion, Badge, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core'
import { useState } from 'react'
import type { EdmCatalog } from '../../../../shared/engine/index'
import { autonomyLabel, autonomyMeaning, readinessLabel, statusLabel, weightingMeaning } from '../../../../shared/export/labels'
import type { PlanEntryRow, PlanView } from '../../../../shared/ipc/channels/rrmp'
import { BaselineEditor } from './BaselineEditor'
import { TermBadge } from './TermBadge'

const readinessColour = { ready: 'teal', not_ready: 'orange', not_applicable: 'gray' } as const

export function BaselineList(props: { plan: PlanView; canEdit: boolean; catalog: EdmCatalog; today: string; onSaved: () => void; reloadRow: (baselineId: string) => Promise<PlanEntryRow | undefined> }) {
  const { plan, catalog } = props
  const [open, setOpen] = useState<string[]>([])
  const rows = new Map(plan.entries.map((r) => [r.baselineId, r]))
  const readiness = new Map(plan.readiness.baselines.map((r) => [r.baselineId, r]))
  const position = new Map(plan.sequence.steps.map((s) => [s.baselineId, s.position]))
  const byId = new Map(catalog.baselines.map((b) => [b.id, b]))
  const staffNames = plan.staff.map((s) => s.name)
  const ordered = plan.readiness.baselines.map((r) => r.baselineId).sort((a, b) => (position.get(a) ?? 999) - (position.get(b) ?? 999))
  return (
    <Stack gap="lg">
      {catalog.areas.map((area) => {
        const ids = ordered.filter((id) => byId.get(id)?.area === area.id)
        if (ids.length === 0) return null
        return (
          <section key={area.id} aria-labelledby={`area-${area.id}`}>
            <Title order={3} size="h4" id={`area-${area.id}`} mb="xs">
              {area.id}. {area.title}
            </Title>
            <Accordion multiple value={open} onChange={setOpen} variant="separated" chevronPosition="left">
              {ids.map((id) => {
                const b = byId.get(id)
                const row = rows.get(id)
                const r = readiness.get(id)
                if (!b || !row || !r) return null
                const pos = position.get(id)
                return (
                  <Accordion.Item key={id} value={id}>
                    <Group wrap="nowrap" gap="xs" pr="sm">
                      <Accordion.Control>
                        <Group gap="sm" wrap="nowrap">
                          <Text fw={700} w={36} style={{ flexShrink: 0 }}>
                            <VisuallyHidden>Baseline </VisuallyHidden>
                            {id}
                          </Text>
                          <Text size="sm" lineClamp={1} style={{ flex: 1 }}>
                            {b.text.split('\n')[0]}
                          </Text>
                          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                            {pos === undefined ? 'Not in the order' : `Step ${pos}`}
                          </Text>
                          <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
                            {statusLabel(row.entry.status)}
                          </Badge>
                          <Badge variant="light" color={readinessColour[r.state]} style={{ flexShrink: 0 }}>
                            {readinessLabel(r.state)}
                          </Badge>
                        </Group>
                      </Accordion.Control>
                      <TermBadge label={`Weighting ${b.weighting ?? '–'}`} meaning={weightingMeaning(b.weighting ?? null)} />
                      <TermBadge label={`${autonomyLabel(b.autonomy)} autonomy`} meaning={autonomyMeaning(b.autonomy)} />
                    </Group>
                    <Accordion.Panel>
                      {open.includes(id) ? (
                        <BaselineEditor
                          key={`${plan.version.id}:${id}`}
                          versionId={plan.version.id}
                          baseline={b}
                          row={row}
                          frozen={plan.version.frozen}
                          canEdit={props.canEdit}
                          faceToFace={r.faceToFace}
                          reasons={r.state === 'not_ready' ? r.reasons : []}
                          staffNames={staffNames}
                          today={props.today}
                          onSaved={props.onSaved}
                          reloadRow={() => props.reloadRow(id)}
                        />
                      ) : null}
                    </Accordion.Panel>
                  </Accordion.Item>
                )
              })}
            </Accordion>
          </section>
        )
      })}
    </Stack>
  )
}
