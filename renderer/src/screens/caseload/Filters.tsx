import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core'
import type { Staff } from '../../../../shared/ipc/channels/caseload'
import type { CaseloadView } from '../../../../shared/ipc/channels/prefs'
import { DEFAULT_CASELOAD_VIEW } from '../../../../shared/ipc/values'
import { COHORT_LABELS, HEADLINE_LABELS, RESPONSIBILITY_LABELS } from '../../lib/labels'
import { FilterChip } from './FilterChip'
import { useId, useState } from 'react'
import { useAuthStatus } from '../../data/authHooks'
import { dueWithinDays, MAX_DUE_WITHIN_DAYS, moreFiltersKeyFor, moreFiltersSummary } from './view'

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

/** Whether this user last left "More filters" open (kept on this computer per user, as the theme is). */
function useMoreFiltersOpen(): [boolean, (open: boolean) => void] {
  const userId = useAuthStatus(true).data?.user?.id ?? null
  const key = userId === null ? null : moreFiltersKeyFor(userId)
  // The choice made on this screen, for the user it was made by; otherwise the one kept for the user.
  const [chosen, setChosen] = useState<{ key: string | null; open: boolean } | null>(null)
  const open = chosen !== null && chosen.key === key ? chosen.open : key !== null && window.localStorage.getItem(key) === 'open'
  return [
    open,
    (next: boolean) => {
      setChosen({ key, open: next })
      if (key !== null) window.localStorage.setItem(key, next ? 'open' : 'closed')
    },
  ]
}

/**
 * Issue 16 (the caseload at 1024x700: the filters filled the first screen): one row of the filters
 * used most (whose caseload, search), and a "More filters" disclosure holding the rest. Closed, a
 * line says which of those filters are set, so the list never looks unfiltered when it is not.
 */
export function Filters({ view, onChange, poms }: { view: CaseloadView; onChange: (v: CaseloadView) => void; poms: Staff[] }) {
  const [open, setOpen] = useMoreFiltersOpen()
  const panelId = useId()
  const summary = moreFiltersSummary(view, { status: HEADLINE_LABELS, responsibility: RESPONSIBILITY_LABELS, cohorts: COHORT_LABELS })
  const anySet = summary.length > 0 || view.search.trim() !== ''
  return (
    // Issue 16, Print: the filters are screen controls, left out on paper ("Showing n of m cases" says what is printed).
    <Stack gap="xs" mb="sm" data-no-print>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label="Whose caseload"
          value={view.pomId === null ? '' : String(view.pomId)}
          onChange={(e) => onChange({ ...view, pomId: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
          data={[{ value: '', label: 'Every case in custody' }, ...poms.map((p) => ({ value: String(p.id), label: p.name }))]}
          w={200}
        />
        <TextInput label="Search by name or prison number" value={view.search} onChange={(e) => onChange({ ...view, search: e.currentTarget.value })} w={250} />
        <Button variant="default" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          {open ? 'Hide more filters' : summary.length > 0 ? `More filters (${summary.length} set)` : 'More filters'}
        </Button>
      </Group>
      {/* Only when something is set: one line saying what (while the panel is closed) and a way to clear it all. */}
      {anySet ? (
        <Group gap="sm" wrap="wrap">
          {!open && summary.length > 0 ? (
            <Text size="sm">
              <strong>Also filtered by</strong> {summary.join('; ')}.
            </Text>
          ) : null}
          <Button size="xs" variant="default" onClick={() => onChange({ ...DEFAULT_CASELOAD_VIEW, pomId: view.pomId, sort: view.sort })}>
            Clear filters
          </Button>
        </Group>
      ) : null}
      <div id={panelId} hidden={!open}>
        {open ? (
          <Stack gap="sm">
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
              w={240}
            />
            <Group gap="xl" align="flex-start" wrap="wrap">
              <ChipFilter label="Status" value={view.status.filter((x) => x !== 'missed')} options={HEADLINE_LABELS} onChange={(status) => onChange({ ...view, status })} />
              <ChipFilter label="Responsible" value={view.responsibility} options={RESPONSIBILITY_LABELS} onChange={(responsibility) => onChange({ ...view, responsibility })} />
              <ChipFilter label="Priority cohort" value={view.cohorts} options={COHORT_LABELS} onChange={(cohorts) => onChange({ ...view, cohorts })} />
            </Group>
          </Stack>
        ) : null}
      </div>
    </Stack>
  )
}
