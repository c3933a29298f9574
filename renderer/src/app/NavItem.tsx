import { NavLink, UnstyledButton } from '@mantine/core'
import type { CSSProperties } from 'react'

// Mantine's NavLink (variant filled, primary colour), as the markup Mantine renders for a link with a
// label and a description, styled by Mantine's own classes (NavLink.classes) and CSS. Every screen
// shows seven of them; built from plain elements they cost a fraction of the themed component's
// render at start-up (issue 8). Same look, and an ordinary link for the keyboard and screen readers.
// The static class names (mantine-NavLink-*) are kept too: styles.css keeps the active description's
// contrast through them.
const FILLED = {
  '--nl-bg': 'var(--mantine-primary-color-filled)',
  '--nl-hover': 'var(--mantine-primary-color-filled-hover)',
  '--nl-color': 'var(--mantine-color-white)',
} as CSSProperties
const ROOT = `mantine-focus-auto ${NavLink.classes.root} mantine-NavLink-root ${UnstyledButton.classes.root} mantine-UnstyledButton-root`

export function NavItem({ href, label, description, active }: { href: string; label: string; description: string; active: boolean }) {
  return (
    <a className={ROOT} data-variant="filled" data-active={active || undefined} href={href} aria-current={active ? 'page' : undefined} style={FILLED}>
      <div className={`${NavLink.classes.body} mantine-NavLink-body`}>
        <span className={`${NavLink.classes.label} mantine-NavLink-label`}>{label}</span>
        <span className={`${NavLink.classes.description} mantine-NavLink-description`} data-active={active || undefined}>
          {description}
        </span>
      </div>
    </a>
  )
}
