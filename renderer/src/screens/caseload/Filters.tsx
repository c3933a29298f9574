import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core'
import type { Staff } from '../../../../shared/ipc/channels/caseload'
import type { CaseloadView } from '../../../../shared/ipc/channels/prefs'
import { DEFAULT_CASELOAD_VIEW } from '../../../../shared/ipc/values'
import { COHORT_LABELS, HEADLINE_LABELS, RESPONSIBILITY_LABELS } from '../../lib/labels'
import { FilterChip } from './FilterChip'
import { dueWithinDays, MAX_DUE_WITHIN_DAYS } from './view'

function ChipFilter<T extends string>({ label, value, options, onChange }: { label: string; value: T[]; options: Record<T, string>; onChange: (v: T[]) => void }) {
  return (
    <div role="group" aria-label={label}>
      <Text size="sm" fw={600} mb={4} aria-hidden="true">
        {label}
      </Text>
      <Group gap={6}>
        {(Object.keys(options) as T[]).map((k) => (
          <FilterChip key={k} value={k} checked={value.includes(k)} onChange={(on) => onChange(on ? [...value, k] : value.filter((v) => v !== k))}>
            {options[k]}
          </FilterChip>
        ))}
      </Group>
    </div>
  )
}

export function Filters({ view, onChange, poms }: { view: CaseloadView; onChange: (v: CaseloadView) => void; poms: Staff[] }) {
  return (
    <Stack gap="sm" mb="md">
      <Group align="flex-end" gap="md" wrap="wrap">
        <NativeSelect
          label="Whose caseload"
          value={view.pomId === null ? '' : String(view.pomId)}
          onChange={(e) => onChange({ ...view, pomId: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
          data={[{ value: '', label: 'Every case in custody' }, ...poms.map((p) => ({ value: String(p.id), label: p.name }))]}
          w={260}
        />
        <TextInput label="Search by name or prison number" value={view.search} onChange={(e) => onChange({ ...view, search: e.currentTarget.value })} w={280} />
        {/* A native number field (arrow keys step it) rather than Mantine's NumberInput, whose
            number-formatting library would otherwise be part of the first screen's code (issue 8). */}
        <TextInput
          type="number"
          inputMode="numeric"
          label="Next minimum due within (days)"
          value={view.dueWithinDays ?? ''}
          min={0}
          max={MAX_DUE_WITHIN_DAYS}
          step={1}
          onChange={(e) => onChange({ ...view, dueWithinDays: dueWithinDays(e.currentTarget.value) })}
          w={220}
        />
        <Button variant="default" onClick={() => onChange({ ...DEFAULT_CASELOAD_VIEW, pomId: view.pomId, sort: view.sort })}>
          Clear filters
        </Button>
      </Group>
      <Group gap="xl" align="flex-start" wrap="wrap">
        <ChipFilter label="Status" value={view.status.filter((x) => x !== 'missed')} options={HEADLINE_LABELS} onChange={(status) => onChange({ ...view, status })} />
        <ChipFilter label="Responsible" value={view.responsibility} options={RESPONSIBILITY_LABELS} onChange={(responsibility) => onChange({ ...view, responsibility })} />
        <ChipFilter label="Priority cohort" value={view.cohorts} options={COHORT_LABELS} onChange={(cohorts) => onChange({ ...view, cohorts })} />
      </Group>
    </Stack>
  )
}
