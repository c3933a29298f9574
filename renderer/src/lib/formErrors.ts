import type { z } from 'zod'
import { fieldWords, issueMessage } from '../../../shared/ipc/plainIssue'

// The contract's zod schemas (shared/ipc) checked in the form, so the same rules speak in the
// renderer and the main process (issue 16, "Form errors": all problems at once, plain words, no
// internal field names). Used as @mantine/form's `validate`.

export type FieldErrors = Record<string, string>

/** Every field's first problem, keyed by the field's path as @mantine/form names it ('date', 'items.0.targetDate'). */
export function formErrors(schema: z.ZodType, input: unknown): FieldErrors {
  const parsed = schema.safeParse(input)
  if (parsed.success) return {}
  const out: FieldErrors = {}
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.')
    out[key] ??= issueMessage(issue)
  }
  return out
}

/** @mantine/form's `validate` for a form whose values become the channel's input through `toInput`. */
export function validateWith<V>(schema: z.ZodType, toInput: (values: V) => unknown): (values: V) => FieldErrors {
  return (values) => formErrors(schema, toInput(values))
}

/**
 * A refusal from the main process that names its field (IpcError.field, joined with ' › ') as the
 * form's field key and the message without the field's words in front (the form shows it under
 * the field). Null when the refusal is not about one field.
 */
export function serverFieldError(err: { field?: string | undefined; message: string } | null | undefined): { field: string; message: string } | null {
  if (!err?.field) return null
  const path = err.field.split(' › ').map((p) => (/^item \d+$/.test(p) ? String(Number(p.slice(5)) - 1) : p))
  const words = `${fieldWords(path)}: `
  const rest = err.message.startsWith(words) ? err.message.slice(words.length) : err.message
  return { field: path.join('.'), message: rest.charAt(0).toUpperCase() + rest.slice(1) }
}

/** The summary's items, in the order the fields appear on the form; fields not listed come last. */
export function summaryItems(errors: Record<string, unknown>, fields: readonly { name: string; label: string }[]): { name: string; label: string; message: string }[] {
  const entries = Object.entries(errors).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
  const order = (name: string) => {
    const i = fields.findIndex((f) => f.name === name)
    return i < 0 ? fields.length : i
  }
  return entries
    .sort((a, b) => order(a[0]) - order(b[0]))
    .map(([name, message]) => ({ name, label: fields.find((f) => f.name === name)?.label ?? fieldWords(name), message }))
}

/** The id an input is given so the summary's link can reach it. */
export function fieldId(formId: string, name: string): string {
  return `${formId}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`
}
