import { NativeSelect, useMantineColorScheme, type MantineColorScheme } from '@mantine/core'
import { useEffect } from 'react'
import { schemeForUser, themeKeyFor } from '../lib/userTheme'

const SCHEMES: { value: MantineColorScheme; label: string }[] = [
  { value: 'light', label: 'Light theme' },
  { value: 'dark', label: 'Dark theme' },
  { value: 'auto', label: 'System theme' },
]

/**
 * The colour theme as a native select: keyboard and screen-reader behaviour come from the browser,
 * and it renders in a fraction of the time of a segmented control, which measures and animates its
 * indicator on the first paint of every screen (issue 8).
 */
export function ThemeToggle({ userId }: { userId: number | null }) {
  const { colorScheme, setColorScheme } = useMantineColorScheme()
  // Issue 16 ("Theme and last view are per user"): the theme is each user's own, kept on this
  // computer by user id (no name stored); a user who never chose one gets the app's default (the
  // system theme, boot.tsx), never the previous user's. Before anyone signs in (userId null: the
  // sign-in page) the choice is the computer's, the one the sign-in page is shown in next time.
  const key = userId === null ? null : themeKeyFor(userId)
  useEffect(() => {
    if (key === null) return
    setColorScheme(schemeForUser(window.localStorage.getItem(key)))
  }, [key, setColorScheme])
  return (
    <NativeSelect
      size="xs"
      aria-label="Colour theme"
      value={colorScheme}
      onChange={(e) => {
        const next = SCHEMES.find((s) => s.value === e.currentTarget.value)
        if (!next) return
        setColorScheme(next.value)
        if (key !== null) window.localStorage.setItem(key, next.value)
      }}
      data={SCHEMES}
    />
  )
}
