import { Badge, Tooltip } from '@mantine/core'
import { useId } from 'react'

/**
 * A short term (e.g. "Weighting 3") whose meaning shows on hover or keyboard focus, and is read
 * out by screen readers as the badge's description.
 */
export function TermBadge({ label, meaning, color = 'gray' }: { label: string; meaning: string; color?: string }) {
  const id = useId()
  return (
    <>
      <Tooltip label={meaning} events={{ hover: true, focus: true, touch: true }} multiline w={280} withArrow>
        <Badge component="button" type="button" variant="outline" color={color} aria-describedby={id} style={{ cursor: 'help', textTransform: 'none', flexShrink: 0, overflow: 'visible' }}>
          {label}
        </Badge>
      </Tooltip>
      <span id={id} hidden>
        {meaning}
      </span>
    </>
  )
}
