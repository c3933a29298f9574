// Issue 16, "Only what you may do": the renderer hides a control by the same table the main process
// enforces (shared/permissions/rules.ts). These prove the renderer's questions (mayCall, whoMay) give
// the dispatcher's answers, so a control is shown exactly when its channel would be let through.
import { describe, expect, it } from 'vitest'
import { contractEntries, type ChannelKey } from '../../shared/ipc/contract'
import { USER_ROLES } from '../../shared/ipc/values'
import { mayCall, refusal, RULES, whoMay } from '../../shared/permissions/rules'
import { RULES as ENFORCED } from '../../electron/services/permissions'

const channels = contractEntries().map((e) => `${e.domain}.${e.method}` as ChannelKey)

describe('the one rules table', () => {
  it('is the table the main process enforces, with a rule for every channel', () => {
    expect(ENFORCED).toBe(RULES)
    expect(Object.keys(RULES).sort()).toEqual([...channels].sort())
  })

  it('lets a role call a channel exactly when the rule lists that role, or lists no roles', () => {
    for (const channel of channels) {
      const rule = RULES[channel]
      for (const role of USER_ROLES) expect(mayCall(role, channel), `${role} ${channel}`).toBe(rule.kind !== 'roles' || rule.roles.includes(role))
    }
  })

  it('says who can use a control a role may not, in the words of the refusal', () => {
    expect(whoMay('allocations.allocate')).toBe('Only a HOMD or HOMS can allocate cases.')
    expect(whoMay('establishment.update')).toBe('Only a HOMS can change the establishment’s details or stage.')
    expect(whoMay('caseload.list')).toBeNull()
    for (const channel of channels) {
      const rule = RULES[channel]
      if (rule.kind !== 'roles') continue
      const refused = USER_ROLES.find((r) => !rule.roles.includes(r))
      if (!refused) continue
      // The refusal's "Ask a …" names the same roles as the read-only sentence's "Only a …".
      const asked = refusal(refused, rule).split('. Ask ')[1]?.replace(/\.$/, '')
      expect(whoMay(channel), channel).toBe(`Only ${asked} can ${rule.action}.`)
    }
  })
})
