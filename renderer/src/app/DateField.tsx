import { Group, Input, TextInput } from '@mantine/core'
import { useState } from 'react'
import { joinParts, partsOf, type DateParts } from '../lib/dateParts'

/**
 * The one date input of the app (issue 16, "Dates, forms, wording"): GOV.UK's day / month / year
 * pattern, three labelled fields in a fieldset whose legend is the question, whatever the
 * computer's locale. It yields a 'YYYY-MM-DD' string ('' when empty; something that is not a
 * date when unfinished, which the contract's isoDate refuses in words about dd/mm/yyyy). Works
 * with @mantine/form's getInputProps (value, onChange, error, onBlur).
 */
export function DateField({
  id,
  label,
  description,
  value,
  onChange,
  onBlur,
  error,
  required = false,
  disabled = false,
}: {
  /** The day field's id, which the error summary links to. */
  id: string
  label: string
  description?: string
  value: string | null | undefined
  onChange: (value: string) => void
  onBlur?: () => void
  error?: React.ReactNode
  required?: boolean
  disabled?: boolean
}) {
  const [parts, setParts] = useState<DateParts>(() => partsOf(value))
  // Follow a value set from outside (a reset, another record) without undoing what is being typed.
  const [seen, setSeen] = useState(value ?? '')
  if ((value ?? '') !== seen) {
    setSeen(value ?? '')
    if ((value ?? '') !== joinParts(parts)) setParts(partsOf(value))
  }
  const set = (k: keyof DateParts) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const next = { ...parts, [k]: e.currentTarget.value }
    setParts(next)
    const joined = joinParts(next)
    setSeen(joined)
    onChange(joined)
  }
  const errorId = `${id}-error`
  const hintId = `${id}-hint`
  const describedBy = error ? `${hintId} ${errorId}` : hintId
  const common = { inputMode: 'numeric' as const, autoComplete: 'off', disabled, onBlur, error: error ? true : undefined, 'aria-describedby': describedBy }
  return (
    <Input.Wrapper component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Input.Label component="legend" required={required} style={{ padding: 0 }}>
        {label}
      </Input.Label>
      <Input.Description id={hintId}>{description ?? 'For example, 27 3 2026'}</Input.Description>
      <Group gap="xs" wrap="nowrap" mt={4} align="flex-end">
        <TextInput id={id} label="Day" w="4.5rem" maxLength={2} value={parts.day} onChange={set('day')} {...common} />
        <TextInput id={`${id}-month`} label="Month" w="4.5rem" maxLength={2} value={parts.month} onChange={set('month')} {...common} />
        <TextInput id={`${id}-year`} label="Year" w="6rem" maxLength={4} value={parts.year} onChange={set('year')} {...common} />
      </Group>
      {error ? (
        <Input.Error id={errorId} mt={4}>
          {error}
        </Input.Error>
      ) : null}
    </Input.Wrapper>
  )
}
