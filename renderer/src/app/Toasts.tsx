import { Notifications, notifications, notificationsStore, type NotificationData } from '@mantine/notifications'
import { useEffect } from 'react'
import { CONFIRMATION_MS, leftBehind, screenOf, staysOpen } from '../lib/toastRules'

// Issue 16, "Screens": messages ("Session recorded.") appear where they cover no control (bottom
// right: the header's buttons are top right), a confirmation closes itself after a few seconds
// while an error stays until closed, and a message belongs to the screen it was shown on: leaving
// that screen removes it. Loaded after the first screen is up (boot.tsx, issue 8).

export function Toasts() {
  useEffect(() => {
    // Each message's screen, noted when it first appears: a message shown just after a navigation
    // (a save that also signs out or moves on) belongs to the new screen and stays.
    const shownOn = new Map<string, string>()
    const note = (list: readonly NotificationData[]) => {
      const here = screenOf(window.location.hash)
      for (const n of list) if (n.id && !shownOn.has(n.id)) shownOn.set(n.id, here)
      for (const id of shownOn.keys()) if (!list.some((n) => n.id === id)) shownOn.delete(id)
    }
    const all = () => [...notificationsStore.getState().notifications, ...notificationsStore.getState().queue]
    note(all())
    const unsubscribe = notificationsStore.subscribe(() => {
      note(all())
      // An error with no timing of its own stays until closed.
      const open = notificationsStore.getState().notifications.filter((n) => n.autoClose === undefined && staysOpen(n))
      for (const n of open) notifications.update({ ...n, autoClose: false })
    })
    const onNavigate = () => {
      for (const id of leftBehind(shownOn, window.location.hash)) notifications.hide(id)
    }
    window.addEventListener('hashchange', onNavigate)
    return () => {
      unsubscribe()
      window.removeEventListener('hashchange', onNavigate)
    }
  }, [])
  return <Notifications position="bottom-right" autoClose={CONFIRMATION_MS} />
}
