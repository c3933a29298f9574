import { NativeSelect, TextInput } from '@mantine/core'
import { establishmentCategories } from '../../../shared/ipc/values'
import { CATEGORY_NAMES, POLICY_NAMES } from '../lib/format'

export interface EstablishmentDraft {
  name: string
  code: string
  category: string | null
  policy: 'omic2021' | 'omic2023'
}

/** Name, code, category and handover policy: shared by first-run set-up and Settings. */
export function EstablishmentFields({ value, onChange, errorField, errorMessage }: {
  value: EstablishmentDraft
  onChange: (v: EstablishmentDraft) => void
  errorField?: string | undefined
  errorMessage?: string | undefined
}) {
  const err = (f: string) => (errorField === f ? errorMessage : undefined)
  return (
    <>
      <TextInput label="Establishment name" description="For example HMP Leeds" required value={value.name} onChange={(e) => onChange({ ...value, name: e.currentTarget.value })} error={err('name')} />
      <TextInput label="Establishment code" description="The three-letter code, for example LEI" required maxLength={3} value={value.code} onChange={(e) => onChange({ ...value, code: e.currentTarget.value.toUpperCase() })} error={err('code')} />
      <NativeSelect
        label="Category or function"
        required
        data={[{ value: '', label: 'Choose…', disabled: true }, ...establishmentCategories.map((c) => ({ value: c, label: CATEGORY_NAMES[c] ?? c }))]}
        value={value.category ?? ''}
        onChange={(e) => onChange({ ...value, category: e.currentTarget.value || null })}
        error={err('category')}
      />
      <NativeSelect
        label="OMiC handover policy"
        description="Every screen and export names the policy that produced a handover date."
        data={(['omic2021', 'omic2023'] as const).map((p) => ({ value: p, label: POLICY_NAMES[p] ?? p }))}
        value={value.policy}
        onChange={(e) => onChange({ ...value, policy: e.currentTarget.value as EstablishmentDraft['policy'] })}
      />
    </>
  )
}
