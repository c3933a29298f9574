import { contractEntries } from './contract'

/** The text of methods.generated.ts: every channel of the contract as [domain, method, channel]. */
export function bridgeMethodsSource(): string {
  const rows = contractEntries().map((e) => `  ['${e.domain}', '${e.method}', '${e.channel}'],`)
  return [
    '// Generated from shared/ipc/contract.ts by `npm run gen:ipc`; do not edit.',
    '// The preload builds window.omu from this list alone (no zod, no schemas).',
    '',
    'export const BRIDGE_METHODS: readonly (readonly [domain: string, method: string, channel: string])[] = [',
    ...rows,
    ']',
    '',
  ].join('\n')
}
