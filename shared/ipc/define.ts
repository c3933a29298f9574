import type { z } from 'zod'

export type ChannelKind = 'query' | 'mutation' | 'system'

/**
 * One IPC channel: its doc, what kind it is, and the zod schemas of request and response.
 * `mutation` channels run inside the single mutation path (one transaction, and the hook for
 * roles and audit); `query` channels only read; `system` channels manage the store itself
 * (status, recovery) and work even when it could not be opened.
 */
export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, K extends ChannelKind = ChannelKind> {
  readonly doc: string
  readonly kind: K
  readonly input: I
  readonly output: O
}

export function channel<I extends z.ZodType, O extends z.ZodType, K extends ChannelKind>(def: ChannelDef<I, O, K>): ChannelDef<I, O, K> {
  return def
}

export type Domain = Record<string, ChannelDef>
