// What-if inputs (issue 19: "what-if inputs (add a POM, change receptions) that recompute at
// once"): held on this screen only; each change asks for the plan again with them, and nothing is
// saved.
import { Button, Group, List, NativeSelect, NumberInput, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import type { WhatIf } from '../../../../shared/ipc/channels/resourcing'
import { POM_TYPE_LABELS } from '../settings/PomCapacitySection'

type ExtraPom = WhatIf['extraPoms'][number]

export interface WhatIfState {
  extraPoms: ExtraPom[]
  /** '' : the saved figure. */
  receptionsPerWeek: number | ''
}

export const NO_WHAT_IF: WhatIfState = { extraPoms: [], receptionsPerWeek: '' }

/** The request's what-if, or undefined when nothing is changed (the saved plan). */
export function whatIfOf(s: WhatIfState): WhatIf | undefined {
  if (s.extraPoms.length === 0 && s.receptionsPerWeek === '') return undefined
  return { extraPoms: s.extraPoms, ...(s.receptionsPerWeek === '' ? {} : { receptionsPerWeek: s.receptionsPerWeek }) }
}

export function WhatIfPanel({ value, onChange, savedReceptions }: { value: WhatIfState; onChange: (next: WhatIfState) => void; savedReceptions: number }) {
  const [type, setType] = useState<ExtraPom['type']>('probation')
  const [hoursPerWeek, setHours] = useState<number | string>(37)
  const hoursOk = typeof hoursPerWeek === 'number' && hoursPerWeek >= 1 && hoursPerWeek <= 60
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="what-if-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="what-if-title">
          What if…
        </Title>
        <Text size="sm">Try a change and see the plan worked out again at once. Nothing here is saved.</Text>
        <Group align="flex-end">
          <NativeSelect label="Add a POM of type" value={type} onChange={(e) => setType(e.currentTarget.value as ExtraPom['type'])} data={[{ value: 'prison', label: POM_TYPE_LABELS.prison }, { value: 'probation', label: POM_TYPE_LABELS.probation }]} />
          <NumberInput label="Hours a week" value={hoursPerWeek} onChange={setHours} min={1} max={60} w={140} error={hoursOk ? undefined : 'Enter hours from 1 to 60.'} />
          <Button variant="default" disabled={!hoursOk} onClick={() => onChange({ ...value, extraPoms: [...value.extraPoms, { type, hoursPerWeek: Number(hoursPerWeek), daysPerWeek: 5 }] })}>
            Add this POM
          </Button>
        </Group>
        {value.extraPoms.length > 0 ? (
          <List size="sm" spacing={4}>
            {value.extraPoms.map((p, i) => (
              <List.Item key={i}>
                <Group gap="xs">
                  <span>
                    Added {POM_TYPE_LABELS[p.type].toLowerCase()} {i + 1}: {p.hoursPerWeek} hours a week
                  </span>
                  <Button size="compact-xs" variant="subtle" onClick={() => onChange({ ...value, extraPoms: value.extraPoms.filter((_, k) => k !== i) })}>
                    Take out added {POM_TYPE_LABELS[p.type].toLowerCase()} {i + 1}
                  </Button>
                </Group>
              </List.Item>
            ))}
          </List>
        ) : null}
        <Group align="flex-end">
          <NumberInput
            label="Receptions a week"
            description={`Saved figure: ${savedReceptions}. Leave blank to use it.`}
            value={value.receptionsPerWeek}
            onChange={(v) => onChange({ ...value, receptionsPerWeek: typeof v === 'number' ? v : '' })}
            min={0}
            max={10000}
            w={240}
          />
          <Button variant="default" disabled={whatIfOf(value) === undefined} onClick={() => onChange(NO_WHAT_IF)}>
            Clear the what-if
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
