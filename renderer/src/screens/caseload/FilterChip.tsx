import { CheckIcon, Chip } from '@mantine/core'
import { useId, type CSSProperties, type ReactNode } from 'react'

// Mantine's Chip at size xs, as the markup Mantine renders for it, styled by Mantine's own classes
// (Chip.classes) and CSS. The caseload screen shows fourteen of them on its first paint; built from
// plain elements they cost a fraction of the themed component's render (issue 8: the first row
// within a second). Same look, same keyboard and screen-reader behaviour: a labelled checkbox. The
// static class names (mantine-Chip-*) are kept as Mantine renders them, for any style that uses them.
const classes = Chip.classes
const XS = {
  '--chip-fz': 'var(--mantine-font-size-xs)',
  '--chip-size': 'var(--chip-size-xs)',
  '--chip-checked-padding': 'var(--chip-checked-padding-xs)',
  '--chip-padding': 'var(--chip-padding-xs)',
  '--chip-icon-size': 'var(--chip-icon-size-xs)',
  '--chip-spacing': 'var(--chip-spacing-xs)',
} as CSSProperties

export function FilterChip({ value, checked, onChange, children }: { value: string; checked: boolean; onChange: (checked: boolean) => void; children: ReactNode }) {
  const id = useId()
  return (
    <div className={`${classes.root} mantine-Chip-root`} data-size="xs" style={XS}>
      <input className={`${classes.input} mantine-Chip-input`} id={id} type="checkbox" value={value} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <label className={`${classes['label--filled']} ${classes.label} mantine-Chip-label`} htmlFor={id} data-checked={checked || undefined}>
        {checked ? (
          <span className={`${classes.iconWrapper} mantine-Chip-iconWrapper`}>
            <CheckIcon className={`${classes.checkIcon} mantine-Chip-checkIcon`} />
          </span>
        ) : null}
        <span>{children}</span>
      </label>
    </div>
  )
}
