import { Anchor, Box, List, Text, Title } from '@mantine/core'
import { useEffect, useRef } from 'react'
import { fieldId, summaryItems } from '../lib/formErrors'

/**
 * GOV.UK's error summary (issue 16, "Form errors"): every problem at once, at the top of the form,
 * under the heading "There is a problem", each a link to its field. It takes the focus when a
 * submit fails (`attempt` counts failed submits), so the keyboard and the screen reader start
 * from it; role="alert" announces it. The message is also under each field (Mantine's error).
 */
export function ErrorSummary({
  formId,
  errors,
  fields,
  attempt,
  other,
}: {
  formId: string
  errors: Record<string, unknown>
  /** The form's fields in the order shown, with their labels. */
  fields: readonly { name: string; label: string }[]
  /** Failed submits so far: each new one moves the focus to the summary. */
  attempt: number
  /** A refusal not about one field (the main process's plain sentence). */
  other?: string | null | undefined
}) {
  const ref = useRef<HTMLDivElement>(null)
  const items = summaryItems(errors, fields)
  const shown = items.length > 0 || !!other
  useEffect(() => {
    if (attempt > 0) ref.current?.focus()
  }, [attempt])
  if (!shown) return null
  const go = (name: string) => (e: React.MouseEvent) => {
    // The app's routes live in the URL's hash: a plain #id link would change the screen.
    e.preventDefault()
    const el = document.getElementById(fieldId(formId, name))
    el?.scrollIntoView({ block: 'center' })
    el?.focus()
  }
  return (
    <Box ref={ref} tabIndex={-1} role="alert" aria-labelledby={`${formId}-summary-title`} p="sm" style={{ border: '3px solid var(--mantine-color-error)', borderRadius: 'var(--mantine-radius-sm)' }}>
      <Title order={2} size="h5" id={`${formId}-summary-title`}>
        There is a problem
      </Title>
      {other ? (
        <Text size="sm" mt={4}>
          {other}
        </Text>
      ) : null}
      {items.length > 0 ? (
        <List size="sm" mt={4} spacing={2}>
          {items.map((i) => (
            <List.Item key={i.name}>
              <Anchor href={`#${fieldId(formId, i.name)}`} onClick={go(i.name)} fw={700} c="var(--mantine-color-error)" underline="always">
                {i.label}: {i.message}
              </Anchor>
            </List.Item>
          ))}
        </List>
      ) : null}
    </Box>
  )
}
