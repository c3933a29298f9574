import type { ChannelKey } from '../ipc/contract'
import { ROLE_NAMES, type UserRole } from '../ipc/values'

// Who may call what (issue 7): the one table. The main process enforces it on every channel
// (electron/services/dispatcher.ts, through electron/services/permissions.ts); the renderer reads the
// same table to show only what a role can do (issue 16, "Only what you may do": renderer/src/app/can.ts).
// No zod and no Electron here (`ChannelKey` is a type only), so the renderer's first screen can load it.
// The Record type makes a new channel without a rule a compile error, and
// test/integration/permissions.test.ts drives every mutating channel with every role.

export type Rule =
  /** Before sign-in: status, first-run and recovery. */
  | { kind: 'public' }
  /** Any signed-in user, read-only reviewers included (reads, and their own preferences). */
  | { kind: 'signed_in' }
  /** Only these roles; `action` completes "As a POM you cannot …". `reauth`: the password is asked again. */
  | {
      kind: 'roles'
      roles: readonly UserRole[]
      action: string
      reauth?: boolean
      /** The request's field holding the password asked again (default `password`). */
      reauthField?: string
      /** Completes "enter your own password to …" (default "sign this step"). */
      reauthFor?: string
    }

const anyone: Rule = { kind: 'signed_in' }
const open: Rule = { kind: 'public' }
const roles = (action: string, ...r: UserRole[]): Rule => ({ kind: 'roles', roles: r, action })
/** The HOMS only, with their own password asked again (issue 15); `reauthFor` completes "enter your own password to …". */
const homsConfirming = (action: string, reauthFor: string, reauthField?: string): Rule => ({ kind: 'roles', roles: ['homs'], action, reauth: true, reauthFor, ...(reauthField ? { reauthField } : {}) })

const MANAGERS: UserRole[] = ['homd', 'homs']

export const RULES: Record<ChannelKey, Rule> = {
  'app.status': open,
  // A renderer error for the log (issue 18): before sign-in too; it reads and changes nothing.
  'app.reportError': open,
  'recovery.restoreLatestBackup': open,
  'recovery.startNewFile': open,
  // The recovery key itself is the credential: whoever holds it can already read the file with SQLCipher's tools.
  'recovery.enterRecoveryKey': open,
  'auth.status': open,
  // Where the data is kept (issue 13). Choosing is checked in the handler: a HOMS, or anyone on a
  // computer with no user yet (first run); going back to this computer's file is always allowed
  // when signed out (it sends nobody's password anywhere).
  'storage.get': open,
  'storage.test': open,
  'storage.choose': open,
  'storage.copyToShared': roles('copy this computer’s data into a shared database', 'homs'),
  'auth.createFirstUser': open,
  'auth.signIn': open,
  'auth.signOut': anyone,
  'auth.changePassword': anyone,
  'users.list': roles('manage users', 'homs'),
  // Issue 15: "re-authentication also for user and role changes". `password` is the new user's
  // first password, so the HOMS's own is `yourPassword`.
  'users.save': homsConfirming('manage users', 'change users and their roles', 'yourPassword'),
  // Not asked for the password again: an unlock grants nothing (no role, no password, no record
  // changed), it only lets the user try again. It cannot be used to speed up guessing: the
  // installation-wide limit (20 wrong passwords in 15 minutes, counted from the audit trail) is
  // not reset by it, and every unlock is on the audit trail.
  'users.unlock': roles('manage users', 'homs'),
  'audit.history': anyone,
  // Issue 15: the audit trail's check reads every entry, so it is for those who answer for the
  // trail: the HOMS (administers the installation) and the Governor (signs off). A read-only
  // reviewer cannot see every entry in the shared database (sensitive notes), so could not check it.
  'audit.checkChain': roles('check the audit trail', 'homs', 'governor'),
  'subjectAccess.export': roles('export subject access disclosures', 'homd', 'homs', 'governor'),
  'catalogs.list': anyone,
  'catalogs.check': roles('import EDM catalogues', 'homs'),
  // Issue 15: a catalogue sets the baselines every later plan is built and judged on, so the password is asked again.
  'catalogs.import': homsConfirming('import EDM catalogues', 'import an EDM catalogue'),
  'retention.review': roles('review records for retention', 'homs'),
  'retention.purge': homsConfirming('purge records', 'purge records'),
  'establishment.get': anyone,
  // Not asked for the password again: set-up is possible once only, right after first run made the
  // HOMS and signed them in (refused once set up), so it creates and never changes anything.
  'establishment.setup': roles('set up the establishment', 'homs'),
  // Issue 15: "re-authentication also for ... changing establishment settings".
  'establishment.update': homsConfirming('change the establishment’s details or stage', 'change the establishment’s details'),
  'settings.get': anyone,
  'settings.update': homsConfirming('change settings', 'change settings'),
  'caseload.list': anyone,
  'staff.list': anyone,
  'staff.save': roles('change staff records', ...MANAGERS),
  'prisoners.get': anyone,
  'prisoners.create': roles('add prisoners', ...MANAGERS),
  'prisoners.update': roles('change prisoners’ details', ...MANAGERS),
  // "POMs record sessions for any case" (issue 7).
  'sessions.record': roles('record sessions', 'pom', ...MANAGERS),
  // A POM may correct only sessions of their own allocations (checked in the handler).
  'sessions.correctRecordedOn': roles('correct session records', 'pom', ...MANAGERS),
  // Issues 17 and 20: a parole review is one of the case's facts (it moves the handover dates), so
  // it is recorded by whoever may change those facts (prisoners.update).
  'parole.list': anyone,
  'parole.add': roles('record parole reviews', ...MANAGERS),
  'parole.correct': roles('correct parole reviews', ...MANAGERS),
  'parole.cases': anyone,
  // Issue 17 (../shared/specs/mpc-rules.md C): early allocation is assessed by the case's POM (a POM
  // only on a case allocated to them: the handler, and the shared database's row policy) or a HOMD.
  // A responsibility override is the HOMD's ("a HOMD can override who is responsible").
  'caseWork.earlyAllocation': anyone,
  'caseWork.assessEarlyAllocation': roles('assess early allocation', 'pom', ...MANAGERS),
  'caseWork.recordCommunityDecision': roles('record the community decision', 'pom', ...MANAGERS),
  // Spec C.1: whoever may assess drafts the referral the assessment leads to.
  'caseWork.draftReferral': roles('draft early allocation referrals', 'pom', ...MANAGERS),
  'caseWork.overrides': anyone,
  'caseWork.setOverride': roles('override who is responsible', ...MANAGERS),
  'caseWork.endOverride': roles('end a responsibility override', ...MANAGERS),
  'caseWork.recommendPomType': anyone,
  'allocations.overview': anyone,
  'allocations.allocate': roles('allocate cases', ...MANAGERS),
  // Issue 17: co-working and bulk reallocation are allocation decisions (the HOMD's, and the HOMS's).
  'coworking.assign': roles('add co-working POMs', ...MANAGERS),
  'coworking.end': roles('end co-working', ...MANAGERS),
  'reallocation.preview': roles('reallocate cases', ...MANAGERS),
  'reallocation.apply': roles('reallocate cases', ...MANAGERS),
  'due.overview': anyone,
  // Issue 16: every role has a home; each section is chosen by the role in the handler (reads only).
  'home.get': anyone,
  // Issue 17: the COM's details are "editable by HOMD and the case's POM" (a POM only on a case
  // allocated to them, checked in the handler and by the shared database's row policy). The
  // checklist is ticked only by the case's POM (../shared/specs/mpc-rules.md D.4, in the handler).
  'handover.get': anyone,
  'handover.lists': anyone,
  'handover.saveDetails': roles('change COM details', 'pom', ...MANAGERS),
  'handover.tickTask': roles('tick handover tasks', 'pom'),
  'handover.notifyCommunity': roles('notify the community', 'pom', ...MANAGERS),
  'prefs.getCaseloadView': anyone,
  'prefs.setCaseloadView': anyone,
  'caseImport.preview': roles('import files', ...MANAGERS),
  'caseImport.commit': roles('import files', ...MANAGERS),
  'caseImport.saveTemplate': anyone,
  'demo.create': roles('create the demo establishment', 'homs'),
  'rrmp.plan': anyone,
  'rrmp.catalog': anyone,
  'rrmp.start': roles('edit the RRMP', 'homs'),
  'rrmp.setStages': roles('edit the RRMP', 'homs'),
  'rrmp.updateEntry': roles('edit the RRMP', 'homs'),
  'rrmp.submit': { kind: 'roles', roles: ['homs'], action: 'submit the RRMP', reauth: true, reauthFor: 'sign this step' },
  'rrmp.newVersion': roles('edit the RRMP', 'homs'),
  // Only a Governor approves (issue 7); the later steps record the PGD's, Gold's and DIB's decisions.
  'readiness.decide': { kind: 'roles', roles: ['governor'], action: 'record sign-off decisions', reauth: true },
  'readiness.document': anyone,
  'readiness.caseload': anyone,
  'readiness.export': anyone,
  // Read-only reviewers change nothing (issue 7), comparison files included: a PGD compares under a Governor or HOMS profile.
  'readiness.importComparison': roles('import comparison files', 'governor', 'homs'),
  'readiness.comparisons': anyone,
  'readiness.removeComparison': roles('remove comparison files', 'governor', 'homs'),
  // Issue 19: the Group view is for those who compare establishments: the Governor, the HOMS and a
  // read-only reviewer (a Prison Group Director uses that role). Both channels only read.
  'group.view': roles('see the Group view', 'governor', 'homs', 'read_only'),
  'group.export': roles('export the Group view', 'governor', 'homs', 'read_only'),
  // Issue 19: the resourcing plan is read by everyone, like the RRMP it belongs to. A POM's
  // capacity facts and the planned changes are staff records (as staff.save: HOMD and HOMS); the
  // receptions and hours assumptions are the RRMP's inputs, which the HOMS prepares.
  'resourcing.get': anyone,
  'resourcing.capacity': anyone,
  'resourcing.savePom': roles('change staff records', ...MANAGERS),
  'resourcing.addChange': roles('change staff records', ...MANAGERS),
  'resourcing.removeChange': roles('change staff records', ...MANAGERS),
  'resourcing.saveInputs': roles('change the resourcing plan’s inputs', 'homs'),
  // Backups (issue 7): a backup changes no record, but taking one applies the rotation (deletes old
  // backups), so read-only reviewers may only list them; restoring replaces everyone's data, so only
  // the HOMS (the administrator) may choose and restore one.
  'backup.list': anyone,
  'backup.backUpNow': roles('take backups', 'pom', 'homd', 'homs', 'governor'),
  'backup.chooseFile': roles('restore backups', 'homs'),
  // Issue 15: "restore asks the HOMS to re-enter their password".
  'backup.restore': homsConfirming('restore backups', 'restore a backup'),
  'backup.exportRecoveryKey': homsConfirming('export the recovery key', 'export the recovery key'),
}

export function refusal(role: UserRole, rule: Extract<Rule, { kind: 'roles' }>): string {
  return `As a ${ROLE_NAMES[role]} you cannot ${rule.action}. Ask ${rolesInWords(rule.roles)}.`
}

/** Whether a signed-in user of this role may call the channel (what the dispatcher lets through). */
export function mayCall(role: UserRole, channel: ChannelKey): boolean {
  const rule = RULES[channel]
  switch (rule.kind) {
    case 'public':
    case 'signed_in':
      return true
    case 'roles':
      return rule.roles.includes(role)
    default: {
      const never: never = rule
      return never
    }
  }
}

/** "a HOMD or HOMS": the roles the rule lets through, for "Only … can …" sentences. */
function rolesInWords(roles: readonly UserRole[]): string {
  // Mid-sentence, a role that is not a title or an initialism is lower case ("… or read-only reviewer can …").
  const names = roles.map((r) => (r === 'read_only' ? ROLE_NAMES[r].toLowerCase() : ROLE_NAMES[r]))
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : (names[0] ?? '')
  return `a ${list}`
}

/**
 * Who can use a control the signed-in role cannot (issue 16: "shown read-only with who can do it"),
 * e.g. "Only a HOMD or HOMS can allocate cases." Null when anyone signed in may call the channel.
 */
export function whoMay(channel: ChannelKey): string | null {
  const rule = RULES[channel]
  if (rule.kind !== 'roles') return null
  return `Only ${rolesInWords(rule.roles)} can ${rule.action}.`
}
