import type { z } from 'zod'
import type { Contract, DomainName } from '../../../shared/ipc/contract'
import type { ChannelDef } from '../../../shared/ipc/define'
import type { IsoDate } from '../../../shared/engine/types'
import type { Store } from '../../../db/bootstrap'
import type { AppStatus } from '../../../shared/ipc/channels/app'
import type { Host } from '../host'

/** What a store-backed handler receives besides its validated input. */
export interface HandlerContext {
  store: Store
  /** Today in England and Wales (Europe/London), the `today` the engines are given. */
  today: IsoDate
  now: Date
  /** Desktop integration (save dialogs); a temp folder in tests. */
  host: Host
  log: (err: unknown) => void
}

/** What a system handler (status, recovery) receives: the runtime, not a store. */
export interface SystemContext {
  status(): AppStatus
  restoreLatestBackup(): Promise<AppStatus>
  startNewFile(): Promise<AppStatus>
}

type HandlerFor<C> =
  C extends ChannelDef<infer I, infer O, infer K>
    ? K extends 'system'
      ? (input: z.output<I>, ctx: SystemContext) => Promise<z.input<O>> | z.input<O>
      : K extends 'mutation'
        ? // Mutations are synchronous: they run inside one better-sqlite3 transaction.
          (input: z.output<I>, ctx: HandlerContext) => z.input<O>
        : // Queries may be async (exports write files).
          (input: z.output<I>, ctx: HandlerContext) => z.input<O> | Promise<z.input<O>>
    : never

/** One handler per contract channel; the compiler refuses a missing or extra one. */
export type Handlers = { [D in DomainName]: { [M in keyof Contract[D]]: HandlerFor<Contract[D][M]> } }
