import { Stack, Text, Title } from '@mantine/core'
import { useEffect, useRef, type ReactNode } from 'react'
import { takeHeadingFocus } from './routes'

/** Each screen's h1; focusable so navigation can move focus to it. */
export function PageHeading({ title, lead }: { title: string; lead?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (takeHeadingFocus()) ref.current?.focus()
  }, [])
  return (
    <Stack gap={4} mb="md">
      <Title order={1} tabIndex={-1} style={{ outline: 'none' }} ref={ref}>
        {title}
      </Title>
      {lead ? <Text c="dimmed">{lead}</Text> : null}
    </Stack>
  )
}
