import { Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { FullPageCard } from '../../app/FullPageCard'
import { useState, type FormEvent } from 'react'
import { ErrorText } from '../../app/ErrorText'
import { OmuError } from '../../data/client'
import { useCreateFirstUser } from '../../data/authHooks'

/** First run: the first user is a HOMS, who then adds everyone else in Settings (issue 7). */
export function FirstUserPage() {
  const [f, setF] = useState({ displayName: '', username: '', password: '', confirm: '' })
  const [mismatch, setMismatch] = useState(false)
  const create = useCreateFirstUser()
  const err = create.error instanceof OmuError ? create.error : null
  const fieldError = (name: string) => (err?.field === name ? err.message : undefined)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (f.password !== f.confirm) {
      setMismatch(true)
      return
    }
    setMismatch(false)
    create.mutate({ displayName: f.displayName, username: f.username, password: f.password })
  }
  return (
    <FullPageCard size="sm">
          <form onSubmit={submit} noValidate aria-labelledby="first-title">
            <Stack>
              <Title order={1} id="first-title">
                Welcome to OMU Desk
              </Title>
              <Text>Create the first user. They are the Head of Offender Management Services (HOMS) for this installation and add everyone else in Settings.</Text>
              <TextInput label="Your name" value={f.displayName} onChange={(e) => setF({ ...f, displayName: e.currentTarget.value })} error={fieldError('displayName')} required />
              <TextInput label="Username" description="3 to 32 letters, digits, dots, dashes or underscores" autoComplete="username" value={f.username} onChange={(e) => setF({ ...f, username: e.currentTarget.value })} error={fieldError('username')} required />
              <PasswordInput label="Choose a password" description="At least 12 characters: three random words work well" autoComplete="new-password" value={f.password} onChange={(e) => setF({ ...f, password: e.currentTarget.value })} error={fieldError('password')} required />
              <PasswordInput label="The same password again" autoComplete="new-password" value={f.confirm} onChange={(e) => setF({ ...f, confirm: e.currentTarget.value })} error={mismatch ? 'The two passwords are different. Type the same password twice.' : undefined} required />
              <ErrorText error={err && !err.field ? create.error : null} title="Not created" />
              <Button type="submit" loading={create.isPending}>
                Create user and continue
              </Button>
            </Stack>
          </form>
        </FullPageCard>
  )
}
