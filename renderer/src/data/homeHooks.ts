import { useQuery } from '@tanstack/react-query'
import { omu, unwrap } from './client'
import { keys } from './keys'

/** The signed-in user's home (issue 16): case-derived, so every case write refreshes it (keys.cases). */
export function useHome() {
  return useQuery({ queryKey: keys.home(), queryFn: () => unwrap(omu().home.get()) })
}
