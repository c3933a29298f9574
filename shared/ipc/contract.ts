import type { z } from 'zod'
import type { ChannelDef } from './define'
import type { IpcResult } from './result'
import { app, recovery } from './channels/app'
import { establishment } from './channels/establishment'
import { settings } from './channels/settings'
import { rrmp } from './channels/rrmp'
import { readiness } from './channels/readiness'
import { caseload, prisoners, sessions, staff } from './channels/caseload'
import { allocations, due } from './channels/allocation'
import { prefs } from './channels/prefs'
import { caseImport, demo } from './channels/caseImport'
import { audit, auth, users } from './channels/auth'
import { retention, subjectAccess } from './channels/subjectAccess'
import { catalogs } from './channels/catalogs'
import { backup } from './channels/backup'
import { storage } from './channels/storage'
import { home } from './channels/home'
import { caseWork } from './channels/caseWork'
import { handover } from './channels/handover'
import { resourcing } from './channels/resourcing'
import { parole } from './channels/parole'
import { group } from './channels/group'
import { coworking, reallocation } from './channels/coworking'

/**
 * The one IPC contract: every channel the renderer may call, grouped by domain.
 * The wire name of `contract.domain.method` is `omu:domain.method`.
 */
export const contract = { app, recovery, auth, users, audit, subjectAccess, retention, catalogs, establishment, settings, caseload, staff, prisoners, sessions, caseWork, parole, allocations, coworking, reallocation, due, home, handover, prefs, caseImport, demo, rrmp, readiness, resourcing, group, backup, storage }
export type Contract = typeof contract
export type DomainName = keyof Contract
/** 'domain.method' of every channel, e.g. 'sessions.record'. */
export type ChannelKey = { [D in DomainName]: `${D}.${keyof Contract[D] & string}` }[DomainName]

export interface ChannelEntry {
  domain: string
  method: string
  /** The wire name used with ipcRenderer.invoke / ipcMain.handle. */
  channel: string
  def: ChannelDef
}

export const CHANNEL_PREFIX = 'omu:'

/** Every channel of the contract, in declaration order. The preload's method list is generated from this. */
export function contractEntries(): ChannelEntry[] {
  const out: ChannelEntry[] = []
  for (const [domain, methods] of Object.entries(contract)) {
    for (const [method, def] of Object.entries(methods as Record<string, ChannelDef>)) {
      out.push({ domain, method, channel: `${CHANNEL_PREFIX}${domain}.${method}`, def })
    }
  }
  return out
}

// A channel whose request fields are all optional (or that has none) may be called with no argument.
type Args<I extends z.ZodType> = Record<never, never> extends z.input<I> ? [input?: z.input<I>] : [input: z.input<I>]

/** The typed `window.omu` object: one async method per channel, answering an IpcResult. */
export type OmuBridge = {
  [D in keyof Contract]: {
    [M in keyof Contract[D]]: Contract[D][M] extends ChannelDef<infer I, infer O, infer _K>
      ? (...args: Args<I>) => Promise<IpcResult<z.output<O>>>
      : never
  }
}

export type ChannelInput<D extends DomainName, M extends keyof Contract[D]> =
  Contract[D][M] extends ChannelDef<infer I, z.ZodType, infer _K> ? z.input<I> : never
export type ChannelOutput<D extends DomainName, M extends keyof Contract[D]> =
  Contract[D][M] extends ChannelDef<z.ZodType, infer O, infer _K> ? z.output<O> : never

/** The response type of a wire channel name such as 'omu:establishment.get' (for typed tests and tools). */
export type WireOutput<C extends string> = C extends `${typeof CHANNEL_PREFIX}${infer D}.${infer M}`
  ? D extends DomainName
    ? M extends keyof Contract[D]
      ? ChannelOutput<D, M>
      : never
    : never
  : never
