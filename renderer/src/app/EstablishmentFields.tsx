import { NativeSelect, TextInput } from '@mantine/core'
import type { ReactNode } from 'react'
import { fieldId } from '../lib/formErrors'
import { establishmentCategories } from '../../../shared/ipc/values'
import { CATEGORY_NAMES, POLICY_NAMES } from '../lib/format'

export interface EstablishmentDraft {
  name: string
  code: string
  category: string | null
  policy: 'omic2021' | 'omic2023'
}

/** The fields as an error summary lists them (issue 16), in the order shown. */
export const ESTABLISHMENT_FIELDS = [
  { name: 'name', label: 'Establishment name' },
  { name: 'code', label: 'Establishment code' },
  { name: 'category', label: 'Category or function' },
  { name: 'policy', label: 'OMiC handover policy' },
] as const

/**
 * Name, code, category and handover policy: shared by first-run set-up and Settings. `errors` are
 * the form's (@mantine/form, checked with the contract's schema: renderer/src/lib/formErrors.ts),
 * keyed by field; each input's id is `fieldId(formId, field)` so the error summary links to it.
 */
export function EstablishmentFields({ value, onChange, formId, errors }: {
  value: EstablishmentDraft
  onChange: (v: EstablishmentDraft) => void
  formId: string
  errors: Record<string, ReactNode>
}) {
  const err = (f: string) => errors[f] ?? undefined
  const id = (f: string) => fieldId(formId, f)
  return (
    <>
      <TextInput id={id('name')} label="Establishment name" description="For example HMP Leeds" required value={value.name} onChange={(e) => onChange({ ...value, name: e.currentTarget.value })} error={err('name')} />
      <TextInput id={id('code')} label="Establishment code" description="The three-letter code, for example LEI" required maxLength={3} value={value.code} onChange={(e) => onChange({ ...value, code: e.currentTarget.value.toUpperCase() })} error={err('code')} />
      <NativeSelect
        id={id('category')}
        label="Category or function"
        required
        data={[{ value: '', label: 'Choose…', disabled: true }, ...establishmentCategories.map((c) => ({ value: c, label: CATEGORY_NAMES[c] ?? c }))]}
        value={value.category ?? ''}
        onChange={(e) => onChange({ ...value, category: e.currentTarget.value || null })}
        error={err('category')}
      />
      <NativeSelect
        id={id('policy')}
        label="OMiC handover policy"
        description="Every screen and export names the policy that produced a handover date."
        data={(['omic2021', 'omic2023'] as const).map((p) => ({ value: p, label: POLICY_NAMES[p] ?? p }))}
        value={value.policy}
        onChange={(e) => onChange({ ...value, policy: e.currentTarget.value as EstablishmentDraft['policy'] })}
        error={err('policy')}
      />
    </>
  )
}
