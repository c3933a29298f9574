import { Switch } from '@mantine/core'
import { useRole } from '../../app/can'
import { setDueMine } from './dueFocus'

/**
 * Issue 16, "Nothing of other POMs unless asked": a POM's Due screen shows their own cases; this
 * switch asks for the whole establishment (kept in the URL, dueFocus.ts). Shown to a POM, and to
 * anyone whose link opened their own cases, so they can widen the list; other roles see the
 * establishment already.
 */
export function WholeEstablishmentSwitch({ mine }: { mine: boolean }) {
  const role = useRole()
  if (role !== 'pom' && !mine) return null
  return (
    <Switch
      label="Show the whole establishment"
      description={mine ? 'Now showing your own cases only.' : 'Now showing every POM’s cases.'}
      checked={!mine}
      onChange={(e) => setDueMine(!e.currentTarget.checked)}
      mb="md"
    />
  )
}
