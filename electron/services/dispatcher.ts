import type { z } from 'zod'
import { contractEntries, type ChannelEntry } from '../../shared/ipc/contract'
import type { IpcResult } from '../../shared/ipc/result'
import { UserFacingError } from '../../shared/ipc/result'
import { toIpcError } from './errors'
import type { HandlerContext, Handlers, SystemContext } from './handlers/types'
import type { StoreRuntime } from './runtime'

/** Who sent a request: the page URL of the frame and whether it is the window's main frame. */
export interface SenderInfo {
  url: string
  isMainFrame: boolean
}

export interface DispatcherOptions {
  runtime: StoreRuntime
  handlers: Handlers
  /** The origin of the app's own page: 'app://omu' in Electron, the test origin in e2e. */
  trustedOrigin: string
  log: (err: unknown) => void
}

type AnyHandler = (input: unknown, ctx: unknown) => unknown

/**
 * The single path every IPC request takes in the main process: sender check, zod validation of
 * the request, the handler (mutations inside one transaction: the place roles and audit hook in),
 * then validation of the response. Every outcome is an IpcResult; nothing throws to the caller.
 */
export class Dispatcher {
  private readonly byChannel = new Map<string, { entry: ChannelEntry; handler: AnyHandler }>()

  constructor(private readonly opts: DispatcherOptions) {
    for (const entry of contractEntries()) {
      const domain = (opts.handlers as unknown as Record<string, Record<string, AnyHandler>>)[entry.domain]
      const handler = domain?.[entry.method]
      if (!handler) throw new Error(`No handler for ${entry.channel}`)
      this.byChannel.set(entry.channel, { entry, handler })
    }
  }

  get channels(): string[] {
    return [...this.byChannel.keys()]
  }

  isTrustedSender(sender: SenderInfo): boolean {
    return sender.isMainFrame && (sender.url === this.opts.trustedOrigin || sender.url.startsWith(`${this.opts.trustedOrigin}/`))
  }

  async invoke(channel: string, rawInput: unknown, sender: SenderInfo): Promise<IpcResult<unknown>> {
    const found = this.byChannel.get(channel)
    if (!found) return { ok: false, error: { code: 'not_found', message: 'That action does not exist in this version of the app.' } }
    if (!this.isTrustedSender(sender)) {
      return { ok: false, error: { code: 'forbidden', message: 'This request did not come from the app’s own window and was refused.' } }
    }
    const { entry, handler } = found
    try {
      const parsed = entry.def.input.safeParse(rawInput ?? {})
      if (!parsed.success) return { ok: false, error: toIpcError(parsed.error, this.opts.log) }
      const data = await this.run(entry, handler, parsed.data)
      const checked = entry.def.output.safeParse(data)
      if (!checked.success) {
        // A response that breaks the contract is our bug, not the user's: log it, answer generically.
        this.opts.log(new Error(`Response of ${entry.channel} broke the contract: ${checked.error.message}`))
        return { ok: false, error: { code: 'internal', message: 'Something went wrong and nothing was shown. Try again; if it keeps happening, tell your system administrator.' } }
      }
      return { ok: true, data: checked.data as z.output<typeof entry.def.output> }
    } catch (err) {
      return { ok: false, error: toIpcError(err, this.opts.log) }
    }
  }

  private async run(entry: ChannelEntry, handler: AnyHandler, input: unknown): Promise<unknown> {
    const rt = this.opts.runtime
    switch (entry.def.kind) {
      case 'system': {
        const ctx: SystemContext = {
          status: () => rt.status(),
          restoreLatestBackup: () => rt.restoreLatestBackup(),
          startNewFile: () => rt.startNewFile(),
        }
        return handler(input, ctx)
      }
      case 'query':
        return handler(input, this.context())
      case 'mutation': {
        const ctx = this.context()
        // The one mutation path: every write runs in a single immediate transaction, so a
        // failure leaves nothing half-written.
        return ctx.store.sqlite
          .transaction(() => {
            const out = handler(input, ctx)
            if (out instanceof Promise) throw new Error(`Mutation ${entry.channel} must be synchronous`)
            return out
          })
          .immediate()
      }
      default: {
        const never: never = entry.def.kind
        throw new Error(`Unknown channel kind ${String(never)}`)
      }
    }
  }

  private context(): HandlerContext {
    const store = this.opts.runtime.store
    if (!store) throw new UserFacingError('unavailable', 'The data file is not open. Use the recovery page to restore a backup or start a new file.')
    const config = this.opts.runtime.config
    return { store, now: config.clock(), today: this.opts.runtime.today(), host: config.host, log: config.log }
  }
}
