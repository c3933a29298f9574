import { Box, Group, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { FailureIcon, OfflineIcon, SuccessIcon, UnlockedIcon } from './icons'
import classes from './Notice.module.css'

type Tone = 'success' | 'failure' | 'offline' | 'unencrypted'

const ICONS = { success: SuccessIcon, failure: FailureIcon, offline: OfflineIcon, unencrypted: UnlockedIcon } satisfies Record<Tone, unknown>

/**
 * An outcome in words with an icon beside it (never colour alone, WCAG 1.4.1). It carries no live
 * role of its own: put it inside a region that is always on the page (role="status"), so that a
 * screen reader announces it when it appears.
 */
export function Notice({ tone, title, children }: { tone: Tone; title: string; children?: ReactNode }) {
  const Icon = ICONS[tone]
  return (
    <Box className={classes.notice} data-tone={tone} p="sm">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Icon size={22} className={classes.icon} />
        <Stack gap={2}>
          <Text fw={700} size="sm">
            {title}
          </Text>
          {children ? <Text size="sm">{children}</Text> : null}
        </Stack>
      </Group>
    </Box>
  )
}
