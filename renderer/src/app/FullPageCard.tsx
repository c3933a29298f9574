import { Container, Paper } from '@mantine/core'
import type { ReactNode } from 'react'

/** The bordered card, alone on the page, that first run, sign-in and recovery are shown in. */
export function FullPageCard({ size, children }: { size: 'xs' | 'sm' | 'md'; children: ReactNode }) {
  return (
    <Container size={size} py="xl">
      <main>
        <Paper withBorder p="xl" radius="md">
          {children}
        </Paper>
      </main>
    </Container>
  )
}
