import { Alert } from '@mantine/core'

/** A failed request shown as the main process's own plain sentence. */
export function ErrorText({ error, title = 'That did not work' }: { error: unknown; title?: string }) {
  if (!error) return null
  const message = error instanceof Error ? error.message : 'Something went wrong.'
  return (
    <Alert color="red" title={title} role="alert">
      {message}
    </Alert>
  )
}
