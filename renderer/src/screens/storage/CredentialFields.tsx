import { Group, PasswordInput, TextInput } from '@mantine/core'

/**
 * A user's own sign-in on the shared database, asked for one action (a connection test, a copy)
 * and never kept: the username and password fields, side by side.
 */
export function CredentialFields(props: {
  username: string
  password: string
  onUsername(value: string): void
  onPassword(value: string): void
  error(field: 'username' | 'password'): string | undefined
  disabled?: boolean
  /** Which field takes focus when a dialog opens. */
  autoFocus?: 'username' | 'password'
  /** The fields' ids, for an error summary's links: `${idPrefix}-username` and `${idPrefix}-password`. */
  idPrefix?: string
}) {
  return (
    <Group align="flex-start" grow>
      <TextInput
        id={props.idPrefix ? `${props.idPrefix}-username` : undefined}
        label="Your username on the shared database"
        value={props.username}
        onChange={(e) => props.onUsername(e.currentTarget.value)}
        error={props.error('username')}
        autoComplete="username"
        spellCheck={false}
        disabled={props.disabled}
        data-autofocus={props.autoFocus === 'username' ? true : undefined}
      />
      <PasswordInput
        id={props.idPrefix ? `${props.idPrefix}-password` : undefined}
        label="Your password on the shared database"
        value={props.password}
        onChange={(e) => props.onPassword(e.currentTarget.value)}
        error={props.error('password')}
        autoComplete="current-password"
        disabled={props.disabled}
        data-autofocus={props.autoFocus === 'password' ? true : undefined}
      />
    </Group>
  )
}
