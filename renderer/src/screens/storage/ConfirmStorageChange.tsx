import { Button, Group, List, Modal, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { SharedLocationInput, Storage } from '../../../../shared/ipc/channels/storage'
import { ErrorText } from '../../app/ErrorText'
import { useChooseStorage } from '../../data/storageHooks'
import { describeLocation, plainMessage } from './location'

export type StorageTarget =
  | { kind: 'local' }
  /** `copied`: this computer's data was just copied into it (Settings' copy), so the list says so. */
  | { kind: 'shared'; location: SharedLocationInput; tested: boolean; copied?: boolean }

function chosenMessage(s: Storage): string {
  return s.kind === 'shared'
    ? `This computer now keeps its data in the shared OMU database ${describeLocation(s.location)}. Sign in with your own username and password for it.`
    : 'This computer now keeps its data in its own file. Sign in with a user of that file.'
}

/**
 * Asks before changing where this computer's data is kept: everyone on it is signed out (issue 13).
 * `signedIn` is false on the sign-in page, where nobody is.
 */
export function ConfirmStorageChange({ target, signedIn, onClose }: { target: StorageTarget; signedIn: boolean; onClose: () => void }) {
  const choose = useChooseStorage((s) => notifications.show({ color: 'teal', message: chosenMessage(s) }))
  const confirm = () => choose.mutate(target.kind === 'shared' ? { kind: 'shared', location: target.location } : { kind: 'local' })
  const busy = choose.isPending
  const shared = target.kind === 'shared'
  return (
    <Modal
      opened
      onClose={busy ? () => undefined : onClose}
      closeOnClickOutside={!busy}
      title={shared ? 'Use the shared OMU database?' : 'Use this computer’s own data file?'}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close without changing anything' }}
    >
      <Stack>
        {shared ? (
          <>
            <Text>
              {signedIn ? 'Everyone on this computer is signed out; ' : ''}
              {signedIn ? 'each' : 'Each'} person then signs in with their own username and password for the shared database {describeLocation(target.location)}.
            </Text>
            <List spacing="xs">
              <List.Item>
                {target.copied
                  ? 'Its data has been copied into the shared database; the data file on this computer stays as it is, unused, and a HOMS can switch back to it here.'
                  : 'Nothing is copied: the data file on this computer stays as it is, unused, and a HOMS can switch back to it here.'}
              </List.Item>
              <List.Item>Backups of the shared database are taken on the server by IT, not by this app.</List.Item>
            </List>
            {target.tested ? null : <Text fw={700}>You have not tested these details with a working sign-in. If they are wrong, nobody can sign in until a HOMS changes them back.</Text>}
          </>
        ) : (
          <Text>
            {signedIn ? 'Everyone on this computer is signed out; the' : 'The'} app then uses the data file kept on this computer, which has its own users. The shared database is not changed.
            {signedIn ? '' : ' To use the shared database again, a HOMS chooses it in Settings.'}
          </Text>
        )}
        <ErrorText error={choose.error ? new Error(plainMessage(choose.error)) : null} title="Not changed" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button onClick={confirm} loading={busy}>
            {signedIn ? 'Sign everyone out and switch' : shared ? 'Use the shared database' : 'Use this computer’s file'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
