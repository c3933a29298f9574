import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { OmuError } from '../data/client'
import { keys } from '../data/keys'
import { useSharedStatusWatch } from '../data/storageHooks'
import { Notice } from './Notice'
import classes from './OfflineBanner.module.css'

/**
 * Issue 13: while the shared OMU database cannot be reached, a banner at the top says so; the rest
 * of the screen stays as it is. The app status is asked again every 5 seconds in shared mode; when
 * the server is back, every read is made again (changes made elsewhere meanwhile were missed).
 * Issue 14: while the shared database is used without encryption across the network (a HOMS
 * allowed it), the same place says so in words on every page, the sign-in page included.
 * Mount one at a time: the Shell has one, and the Gate one for the pages outside the Shell.
 */
export function OfflineBanner() {
  const status = useSharedStatusWatch()
  const qc = useQueryClient()
  const shared = status.data?.storage.kind === 'shared'
  // A status read that fails for want of the server (the last answer still held) says the same.
  const unreachable = status.error instanceof OmuError && status.error.code === 'unavailable'
  const offline = shared && (status.data?.storage.online === false || unreachable)
  const plainText = shared && status.data?.storage.plainText === true
  const wasOffline = useRef(offline)
  useEffect(() => {
    if (wasOffline.current && !offline) void qc.invalidateQueries({ queryKey: keys.all })
    wasOffline.current = offline
  }, [offline, qc])
  // The regions are always on the page, so a screen reader announces each notice when it appears.
  return (
    <div className={classes.banner} data-banner-shown={Number(offline) + Number(plainText) || undefined}>
      <div role="status">
        {offline ? (
          <Notice tone="offline" title="Cannot reach the shared OMU database.">
            What you see may be out of date, and changes cannot be saved until it is back. Trying again…
          </Notice>
        ) : null}
      </div>
      <div role="status">
        {plainText ? (
          <Notice tone="unencrypted" title="Shared database: not encrypted.">
            Sign-ins and records cross the network unencrypted, as a HOMS allowed. Ask IT to turn TLS on; a HOMS then chooses encryption in Settings, under “Where is the data kept?”.
          </Notice>
        ) : null}
      </div>
    </div>
  )
}
