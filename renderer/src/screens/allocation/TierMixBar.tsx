// A POM's case mix by tier as a compact bar with its words (issue 16, Allocation: "tier mix as a
// compact bar"). The whole is one image to assistive technology, named by the same words the
// sighted reader sees under the bar: status is never told by colour alone (WCAG 1.4.1).
import { Text } from '@mantine/core'
import { TIER_LETTERS, tierMixText, type TierLetter, type TierMix } from '../../../../shared/engine/resourcing/tierMix'
import classes from './AllocationScreen.module.css'

const PARTS: readonly (TierLetter | 'notSet')[] = [...TIER_LETTERS, 'notSet']

export function TierMixBar({ mix }: { mix: TierMix }) {
  const total = PARTS.reduce((sum, p) => sum + mix[p], 0)
  const text = tierMixText(mix)
  return (
    <div role="img" aria-label={`Tier mix: ${text}`}>
      {total > 0 ? (
        <div className={classes.bar}>
          {PARTS.filter((p) => mix[p] > 0).map((p) => (
            <span key={p} className={classes.segment} data-tier={p} style={{ flexGrow: mix[p], flexBasis: 0 }} />
          ))}
        </div>
      ) : null}
      <Text size="xs" mt={2}>
        {text}
      </Text>
    </div>
  )
}
