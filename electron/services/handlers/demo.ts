import { count } from 'drizzle-orm'
import { generateDemo } from '../../../db/demo/generate'
import { establishment, prisoner } from '../../../db/schema'
import { UserFacingError } from '../../../shared/ipc/result'
import { readEstablishment } from './establishment'
import type { Handlers } from './types'

export const demoHandlers: Handlers['demo'] = {
  create: ({ prisoners, seed }, { store, today, now }) => {
    const held = store.db.select({ n: count() }).from(prisoner).get()?.n ?? 0
    if (held > 0) throw new UserFacingError('conflict', 'This data file already holds prisoners: the demo establishment can only be created in a new, empty data file.')
    if (!readEstablishment(store.db)) {
      store.db
        .insert(establishment)
        .values({ id: 1, name: 'HMP Demoshire (demo data)', code: 'DMO', category: 'training', currentStage: 3, targetStage: 2, policy: 'omic2021', updatedAt: now.toISOString() })
        .run()
    }
    return generateDemo(store.sqlite, { prisoners, seed, today, now: now.toISOString() })
  },
}
