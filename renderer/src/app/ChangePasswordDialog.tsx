import { Button, Modal } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { ChangePasswordForm } from './ChangePasswordForm'

/** Change your own password (issue 16: every role, from the account menu). */
export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const done = () => {
    notifications.show({ color: 'teal', message: 'Your password has been changed. Use the new one next time you sign in.' })
    onClose()
  }
  return (
    <Modal opened onClose={onClose} title="Change your password">
      <ChangePasswordForm
        onDone={done}
        actions={
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
        }
      />
    </Modal>
  )
}
