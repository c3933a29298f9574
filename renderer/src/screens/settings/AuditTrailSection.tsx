import { Button, Group, Stack, Text, Title } from '@mantine/core'
import { ErrorText } from '../../app/ErrorText'
import { auditChainSentence } from '../../app/AuditChainBanner'
import { Notice } from '../../app/Notice'
import { useAuditChainCheck } from '../../data/authHooks'
import { channelTag } from '../../app/can'

// Issue 15, "Forgetting and disclosing": "a check (in Settings and at start-up) reports a broken
// chain". The check itself is the main process's (audit.checkChain, db/auditChain.ts); this only
// says its result in words, with an icon beside it (never colour alone).

/** The Settings panel (HOMS and Governor). */
export function AuditTrailSection() {
  const check = useAuditChainCheck(true)
  return (
    <Stack>
      <Title order={2} size="h3">
        Audit trail
      </Title>
      <Text size="sm">Each entry of the audit trail carries a fingerprint of the one before it, so an entry changed or removed outside OMU Desk breaks the chain. It is checked after each sign-in, and here.</Text>
      <div role="status">
        {check.data ? (
          <Notice tone={check.data.ok ? 'success' : 'failure'} title={check.data.ok ? 'Intact' : 'Broken'}>
            {auditChainSentence(check.data)}
          </Notice>
        ) : null}
      </div>
      <ErrorText error={check.error} title="Not checked" />
      <Group>
        <Button variant="default" onClick={() => void check.refetch()} loading={check.isFetching} {...channelTag('audit.checkChain')}>
          Check again
        </Button>
      </Group>
    </Stack>
  )
}
