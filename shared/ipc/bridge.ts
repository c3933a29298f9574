import type { OmuBridge } from './contract'
import { BRIDGE_METHODS } from './methods.generated'

export type Invoke = (channel: string, input: unknown) => Promise<unknown>

/**
 * Builds `window.omu` from the contract: one method per channel and nothing else. The preload
 * passes ipcRenderer.invoke; the e2e harness passes a Playwright binding to the same services.
 * The method list is generated from the contract (methods.generated.ts) so the preload does not
 * carry the request schemas; test/unit/preload.test.ts checks the two agree.
 */
export function buildBridge(invoke: Invoke): OmuBridge {
  const bridge: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
  for (const [domain, method, channel] of BRIDGE_METHODS) {
    const methods = (bridge[domain] ??= {})
    methods[method] = (input?: unknown) => invoke(channel, input ?? {})
  }
  for (const methods of Object.values(bridge)) Object.freeze(methods)
  return Object.freeze(bridge) as unknown as OmuBridge
}
