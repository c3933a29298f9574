import type { AuditChainCheck } from '../../../shared/ipc/channels/auth'
import { useAuditChainCheck } from '../data/authHooks'
import { formatDateTime } from '../lib/format'
import { Notice } from './Notice'

// Issue 15: "a check (in Settings and at start-up) reports a broken chain". The Shell asks for the
// check once after sign-in for the roles that may run it (the HOMS and the Governor) and says here,
// on every page, only when the chain is broken; Settings › Audit trail shows it either way.

/** The result as one plain sentence: how many entries were checked, or which one breaks the chain and why. */
export function auditChainSentence(result: AuditChainCheck): string {
  const n = result.checkedRows.toLocaleString('en-GB')
  if (result.ok) return `Checked ${n} ${result.checkedRows === 1 ? 'entry' : 'entries'}: the audit trail is intact.`
  const broken = result.firstBrokenRow
  const which = broken?.id != null ? `entry ${broken.id}${broken.at ? ` (written ${formatDateTime(broken.at)})` : ''}` : 'the start of the trail'
  return `The audit trail has been tampered with: at ${which}, ${broken?.problem ?? 'the chain is broken'}. ${n} ${result.checkedRows === 1 ? 'entry' : 'entries'} before it are intact. Tell IT, and keep the data file and its backups as they are.`
}

/** At start-up (after sign-in), on every page: said only when the chain is broken. */
export function AuditChainBanner({ enabled }: { enabled: boolean }) {
  const check = useAuditChainCheck(enabled)
  return (
    <div role="status">
      {check.data && !check.data.ok ? (
        <Notice tone="failure" title="The audit trail is broken.">
          {auditChainSentence(check.data)}
        </Notice>
      ) : null}
    </div>
  )
}
