import { generateDemo, insertDemoEstablishment } from '../../../db/demo/generate'
import { UserFacingError } from '../../../shared/ipc/result'
import { countPrisoners } from '../caseload/store'
import { readEstablishment } from '../establishment/store'
import type { Handlers } from './types'

export const demoHandlers: Handlers['demo'] = {
  create: async ({ prisoners, seed }, { store, today, now }) => {
    if ((await countPrisoners(store.db)) > 0) throw new UserFacingError('conflict', 'This data file already holds prisoners: the demo establishment can only be created in a new, empty data file.')
    if (!(await readEstablishment(store.db))) await insertDemoEstablishment(store, now.toISOString())
    return generateDemo(store, { prisoners, seed, today, now: now.toISOString() })
  },
}
