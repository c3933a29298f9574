import { Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'

/** Each screen's h1; focusable so navigation can move focus to it. */
export function PageHeading({ title, lead }: { title: string; lead?: ReactNode }) {
  return (
    <Stack gap={4} mb="md">
      <Title order={1} tabIndex={-1} style={{ outline: 'none' }}>
        {title}
      </Title>
      {lead ? <Text c="dimmed">{lead}</Text> : null}
    </Stack>
  )
}
