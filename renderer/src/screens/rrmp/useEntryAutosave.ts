// Save-as-you-go for one baseline's plan entry (issue 6: "Changes save as you go (no lost work on
// close); an edit conflict between two windows is detected, not silently overwritten").
// Edits are debounced, sent one at a time with the rev last read, flushed when a field loses
// focus, when the editor closes and when the window is closed. A stale rev comes back as a
// conflict: the draft is kept on screen and the user reloads the baseline, nothing is overwritten.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { RrmpPlanEntry } from '../../../../shared/engine/index'
import type { PlanEntryRow } from '../../../../shared/ipc/channels/rrmp'
import { OmuError } from '../../data/client'
import { saveEntry } from '../../data/rrmpHooks'

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** Not sent yet: the entry needs something first (e.g. the reason a mandatory baseline does not apply). */
  | { kind: 'held'; message: string }
  | { kind: 'error'; message: string; conflict: boolean }

const DEBOUNCE_MS = 400

export interface EntryAutosave {
  draft: RrmpPlanEntry
  state: SaveState
  change(next: RrmpPlanEntry): void
  flush(): void
  /** Replaces the draft with the stored entry (after a conflict). */
  reset(row: PlanEntryRow): void
}

export function useEntryAutosave(opts: {
  versionId: number
  row: PlanEntryRow
  /** Why this entry cannot be sent yet, or null. */
  holdReason: (entry: RrmpPlanEntry) => string | null
  onSaved: () => void
}): EntryAutosave {
  const { versionId, holdReason, onSaved } = opts
  const [draft, setDraft] = useState(opts.row.entry)
  const [state, setState] = useState<SaveState>({ kind: 'saved' })
  const rev = useRef(opts.row.rev)
  const pending = useRef<RrmpPlanEntry | null>(null)
  const inflight = useRef(false)
  const blocked = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const send = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    if (inflight.current) return
    inflight.current = true
    // One request at a time, each with the rev the previous one returned, until nothing is pending.
    while (pending.current !== null && !blocked.current) {
      const entry = pending.current
      pending.current = null
      setState({ kind: 'saving' })
      try {
        const saved = await saveEntry({ versionId, rev: rev.current, entry })
        rev.current = saved.rev
        setState(pending.current ? { kind: 'pending' } : { kind: 'saved' })
        onSaved()
      } catch (err) {
        const conflict = err instanceof OmuError && (err.code === 'conflict' || err.code === 'frozen')
        // Keep the unsaved edit (unless a newer one is waiting); a conflict stops sending until the user reloads.
        pending.current ??= entry
        blocked.current = conflict
        setState({ kind: 'error', message: err instanceof Error ? err.message : 'Not saved.', conflict })
        break
      }
    }
    inflight.current = false
  }, [versionId, onSaved])

  const change = useCallback(
    (next: RrmpPlanEntry) => {
      setDraft(next)
      if (blocked.current) return
      const hold = holdReason(next)
      if (hold !== null) {
        pending.current = null
        if (timer.current) clearTimeout(timer.current)
        timer.current = null
        setState({ kind: 'held', message: hold })
        return
      }
      pending.current = next
      setState((s) => (s.kind === 'saving' ? s : { kind: 'pending' }))
      if (timer.current) clearTimeout(timer.current)
      timer.current = setTimeout(() => {
        timer.current = null
        void send()
      }, DEBOUNCE_MS)
    },
    [holdReason, send],
  )

  const flush = useCallback(() => void send(), [send])

  const reset = useCallback((row: PlanEntryRow) => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    pending.current = null
    blocked.current = false
    rev.current = row.rev
    setDraft(row.entry)
    setState({ kind: 'saved' })
  }, [])

  // No lost work on close: send what is pending when the window goes away or the editor unmounts.
  useEffect(() => {
    const onHide = () => void send()
    window.addEventListener('pagehide', onHide)
    window.addEventListener('beforeunload', onHide)
    return () => {
      window.removeEventListener('pagehide', onHide)
      window.removeEventListener('beforeunload', onHide)
      void send()
    }
  }, [send])

  return { draft, state, change, flush, reset }
}
