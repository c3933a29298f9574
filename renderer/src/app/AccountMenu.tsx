import { Button, Menu, Text } from '@mantine/core'
import { lazy, Suspense, useState } from 'react'
import type { User } from '../../../shared/ipc/channels/auth'
import { ROLE_NAMES } from '../../../shared/ipc/values'
import { channelTag } from './can'

// Loaded when asked for: the dialog checks with the contract's zod schema, kept out of the first screen (issue 8).
const ChangePasswordDialog = lazy(() => import('./ChangePasswordDialog').then((m) => ({ default: m.ChangePasswordDialog })))

/** The signed-in person, with what they may do to their own account (issue 16: change your own password, every role). */
export function AccountMenu({ user }: { user: User }) {
  const [changing, setChanging] = useState(false)
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="subtle" aria-label={`Your account: ${user.displayName} (${ROLE_NAMES[user.role]})`}>
            <Text size="sm" span visibleFrom="md">
              {user.displayName} ({ROLE_NAMES[user.role]})
            </Text>
            <Text size="sm" span hiddenFrom="md">
              Account
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setChanging(true)} {...channelTag('auth.changePassword')}>
            Change your password
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {changing ? (
        <Suspense fallback={null}>
          <ChangePasswordDialog onClose={() => setChanging(false)} />
        </Suspense>
      ) : null}
    </>
  )
}
