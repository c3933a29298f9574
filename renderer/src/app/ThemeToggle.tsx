import { NativeSelect, useMantineColorScheme, type MantineColorScheme } from '@mantine/core'

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
export function ThemeToggle() {
  const { colorScheme, setColorScheme } = useMantineColorScheme()
  return (
    <NativeSelect
      size="xs"
      aria-label="Colour theme"
      value={colorScheme}
      onChange={(e) => {
        const next = SCHEMES.find((s) => s.value === e.currentTarget.value)
        if (next) setColorScheme(next.value)
      }}
      data={SCHEMES}
    />
  )
}
