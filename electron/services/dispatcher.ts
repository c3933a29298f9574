import { LOCK_AFTER_MINUTES, type User } from '../../shared/ipc/channels/auth'
import { contractEntries, type ChannelEntry, type ChannelKey } from '../../shared/ipc/contract'
import type { IpcError, IpcResult } from '../../shared/ipc/result'
import { UserFacingError } from '../../shared/ipc/result'
import { writeAudit, type AuditRecord } from './audit'
import { checkLocalPassword } from './auth/localSignIn'
import { allowedWhilePasswordChangeRequired, PASSWORD_CHANGE_REQUIRED } from './auth/passwordChange'
import { userStanding } from './trust/store'
import { AuthSession } from './auth/session'
import { toIpcError } from './errors'
import { casesOf } from './caseload/cache'
import { HANDOVER_RECALCULATED, handoversToReconcile, reconcileHandovers, type ReconcileScope } from './handover/reconcile'
import type { HandlerContext, Handlers, SystemContext } from './handlers/types'
import { refusal, RULES, type Rule } from './permissions'
import type { StoreRuntime } from './runtime'
import { storageActions } from './storage/actions'
import type { Store, StoreConn } from '../../db/store/types'

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
type Found = { entry: ChannelEntry; handler: AnyHandler; rule: Rule }

const fail = (error: IpcError): IpcResult<never> => ({ ok: false, error })

/** Audited entities that hold nothing a case is evaluated from (plans, users, settings...). */
const NOT_CASE_DATA = new Set(['plan_version', 'plan_entry', 'comparison_import', 'user', 'catalog', 'establishment', 'settings', 'prefs', 'backup', 'pom_planned_change', 'resourcing_inputs'])

/**
 * The prisoners a mutation changed, from its audit records: [] when it touched no case data, null
 * when it may have touched any case (staff names, imports), so everything is read again.
 */
function touchedPrisoners(records: readonly AuditRecord[]): number[] | null {
  const ids: number[] = []
  for (const r of records) {
    if (NOT_CASE_DATA.has(r.entity)) continue
    if (r.entity !== 'prisoner' || r.entityId === null) return null
    ids.push(Number(r.entityId))
  }
  return ids
}

/** The one sentence for a password asked again that is wrong, empty or missing, under its field. */
function reauthRefusal(rule: Extract<Rule, { kind: 'roles' }>): UserFacingError {
  const field = rule.reauthField ?? 'password'
  // "Your password" where the request also carries someone else's (users.save: the new user's `password`).
  const label = field === 'password' ? 'Password' : 'Your password'
  return new UserFacingError('invalid_input', `${label}: enter your own password to ${rule.reauthFor ?? 'sign this step'}.`, field)
}

/** Whether a request carries a non-empty password in the rule's field (read before validation). */
function passwordGiven(rule: Extract<Rule, { kind: 'roles' }>, rawInput: unknown): boolean {
  if (!rawInput || typeof rawInput !== 'object' || Array.isArray(rawInput)) return false
  const field = rule.reauthField ?? 'password'
  if (!Object.prototype.hasOwnProperty.call(rawInput, field)) return false
  const value = (rawInput as Record<string, unknown>)[field]
  return typeof value === 'string' && value !== ''
}

/**
 * The single path every IPC request takes in the main process: sender check, permission check
 * for the signed-in user's role (issue 7), zod validation of the request, the handler (mutations
 * inside one immediate transaction together with their audit rows), then validation of the
 * response. Every outcome is an IpcResult; nothing throws to the caller.
 */
export class Dispatcher {
  private readonly byChannel = new Map<string, Found>()
  readonly session = new AuthSession(LOCK_AFTER_MINUTES * 60_000)
  /** The daily handover checks done (dailyHandoverCheck): per store, the day and scope of each. */
  private readonly handoverChecked = new WeakMap<Store, Set<string>>()

  constructor(private readonly opts: DispatcherOptions) {
    for (const entry of contractEntries()) {
      const domain = (opts.handlers as unknown as Record<string, Record<string, AnyHandler>>)[entry.domain]
      const handler = domain?.[entry.method]
      const rule = RULES[`${entry.domain}.${entry.method}` as ChannelKey] as Rule | undefined
      if (!handler) throw new Error(`No handler for ${entry.channel}`)
      if (!rule) throw new Error(`No permission rule for ${entry.channel}`)
      this.byChannel.set(entry.channel, { entry, handler, rule })
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
    if (!found) return fail({ code: 'not_found', message: 'That action does not exist in this version of the app.' })
    if (!this.isTrustedSender(sender)) return fail({ code: 'forbidden', message: 'This request did not come from the app’s own window and was refused.' })
    const { entry, handler, rule } = found
    // On the recovery page nobody can sign in: say the store is closed rather than "sign in".
    // The shared database is open only while someone is signed in with their own login.
    if (entry.def.kind !== 'system' && !this.opts.runtime.store) {
      if (this.opts.runtime.storage.kind === 'shared') return fail({ code: 'signed_out', message: 'Sign in to continue.' })
      return fail({ code: 'unavailable', message: 'The data file is not open. Use the recovery page to restore a backup or start a new file.' })
    }
    try {
      const now = this.opts.runtime.config.clock()
      const { user: held, lockedForInactivity } = this.session.current(now)
      // Locked for inactivity: the shared database's connections were the user's own login, with
      // their password held for reconnecting; both go now, not at the next person's sign-in.
      if (lockedForInactivity) await this.opts.runtime.closeShared()
      const standing = held && rule.kind !== 'public' ? await this.standing(held) : { user: held }
      if ('signedOut' in standing) return fail({ code: 'signed_out', message: standing.signedOut })
      const user = standing.user
      const refused = this.permit(rule, user, lockedForInactivity)
      if (refused) return fail(refused)
      // Issue 16: a password the HOMS set and asked to be changed leaves only the change itself (auth/passwordChange.ts).
      if ('mustChangePassword' in standing && standing.mustChangePassword && !allowedWhilePasswordChangeRequired(`${entry.domain}.${entry.method}` as ChannelKey)) {
        return fail({ code: 'forbidden', message: PASSWORD_CHANGE_REQUIRED })
      }
      if (user) this.session.touch(now)
      // A password asked again that is missing or empty is refused in its own sentence first (issue 15),
      // whatever else the request holds; it is not a guess, so it is not counted.
      if (rule.kind === 'roles' && rule.reauth && user && !passwordGiven(rule, rawInput)) return fail(toIpcError(reauthRefusal(rule), this.opts.log))
      const parsed = entry.def.input.safeParse(rawInput ?? {})
      if (!parsed.success) return fail(toIpcError(parsed.error, this.opts.log))
      if (rule.kind === 'roles' && rule.reauth && user) await this.reauthenticate(user, rule, parsed.data, entry.channel, now)
      if (user && entry.def.kind !== 'system') await this.dailyHandoverCheck(user, now)
      const data = await this.run(entry, handler, parsed.data, user, now)
      const checked = entry.def.output.safeParse(data)
      if (!checked.success) {
        // A response that breaks the contract is our bug, not the user's: log it, answer generically.
        this.opts.log(new Error(`Response of ${entry.channel} broke the contract: ${checked.error.message}`))
        return fail({ code: 'internal', message: 'Something went wrong and nothing was shown. Try again; if it keeps happening, tell your system administrator.' })
      }
      return { ok: true, data: checked.data }
    } catch (err) {
      return fail(toIpcError(err, this.opts.log))
    }
  }

  private permit(rule: Rule, user: User | null, locked: boolean): IpcError | null {
    switch (rule.kind) {
      case 'public':
        return null
      case 'signed_in':
      case 'roles':
        if (!user) {
          return { code: 'signed_out', message: locked ? `The app locked after ${LOCK_AFTER_MINUTES} minutes without use. Sign in again to continue.` : 'Sign in to continue.' }
        }
        if (rule.kind === 'roles' && !rule.roles.includes(user.role)) return { code: 'forbidden', message: refusal(user.role, rule) }
        return null
      default: {
        const never: never = rule
        return { code: 'forbidden', message: `Unknown permission rule ${String(never)}.` }
      }
    }
  }

  /**
   * The signed-in user as the store has them now (issue 15): a HOMS on any computer may have made
   * them inactive, changed their role or removed them since they signed in, and each request must
   * follow. One read by primary key (in the shared database with the login's group role in the
   * same statement's transaction); when they may no longer act, signed out, with the sentence saying why.
   */
  private async standing(user: User): Promise<{ user: User; mustChangePassword?: boolean } | { signedOut: string }> {
    const rt = this.opts.runtime
    const store = rt.store
    if (!store) return { user }
    const row = await store.read((c) => userStanding(c, user.id))
    const login = row?.loginRole
    let why: string | null = null
    if (!row || row.username !== user.username) why = 'Your user profile is no longer on record. Ask your HOMS.'
    else if (!row.active) why = 'This user profile has been made inactive. Ask your HOMS.'
    // The database's role decides what the login can do (migration 0005): as at sign-in, a profile
    // whose role differs from its login's is not served.
    else if (login !== undefined && login !== row.role) why = 'Your role has changed and your database login does not match it yet. Ask your HOMS to save your user profile again in Settings › Users, then sign in again.'
    if (why) {
      this.session.signOut()
      await rt.closeShared()
      return { signedOut: why }
    }
    const mustChangePassword = row!.passwordChangeRequired
    if (row!.role === user.role) return { user, mustChangePassword }
    const changed: User = { ...user, role: row!.role as User['role'] }
    this.session.refresh(changed)
    return { user: changed, mustChangePassword }
  }

  /**
   * Sign-off steps and other weighty changes ask for the password again (issues 7, 15: sign-off,
   * purge, user and role changes, restore, establishment details and settings). A wrong, empty or
   * missing one is refused in one sentence under its field, before the handler runs: nothing is
   * written but the wrong password's count (auth/localSignIn.ts).
   */
  private async reauthenticate(user: User, rule: Extract<Rule, { kind: 'roles' }>, input: unknown, channel: string, now: Date): Promise<void> {
    const password = (input as Record<string, unknown>)[rule.reauthField ?? 'password']
    const wrong = () => reauthRefusal(rule)
    const rt = this.opts.runtime
    const store = rt.store
    // An empty field is not a guess: refused without counting it as a wrong password.
    if (typeof password !== 'string' || password === '' || !store) throw wrong()
    if (store.kind === 'shared') {
      // Checked by the server, not against a copy: a connection with this password either opens or not.
      if (!(await storageActions(rt).passwordAccepted(user.username, password))) throw wrong()
      return
    }
    // A guess here counts, waits and locks as a wrong sign-in does (auth/localSignIn.ts).
    await checkLocalPassword({ store, guard: rt.localSignIns, at: now, channel, username: user.username, password, wrong, auditAccepted: false })
  }

  private async run(entry: ChannelEntry, handler: AnyHandler, input: unknown, actor: User | null, now: Date): Promise<unknown> {
    const rt = this.opts.runtime
    switch (entry.def.kind) {
      case 'system': {
        const ctx: SystemContext = {
          status: () => rt.status(),
          restoreLatestBackup: (credential) => rt.restoreLatestBackup(credential),
          startNewFile: (credential) => rt.startNewFile(credential),
          enterRecoveryKey: (recoveryKey) => rt.enterRecoveryKey(recoveryKey),
          exportRecoveryKey: (by, save) => rt.exportRecoveryKey(by, save),
          host: rt.config.host,
          store: rt.store,
          session: this.session,
          actor,
          now,
          channel: entry.channel,
          log: this.opts.log,
          backups: rt.backups,
          storage: storageActions(rt),
          signInGuard: rt.localSignIns,
        }
        return handler(input, ctx)
      }
      case 'query': {
        const scope = await this.openStore().beginRead()
        try {
          return await handler(input, this.context(scope.conn, actor, now, () => {}, scope.end))
        } finally {
          await scope.end()
        }
      }
      case 'mutation': {
        const store = this.openStore()
        let records: AuditRecord[] = []
        let committed: (() => void)[] = []
        // The one mutation path: the change and its audit rows commit together or not at all.
        const cases = casesOf(store)
        const out = await store.write(async (conn) => {
          // A fresh list on every attempt: the shared database may run a transaction again.
          records = []
          committed = []
          const result = await handler(input, this.context(conn, actor, now, (rec) => records.push(rec), () => Promise.resolve(), (fn) => committed.push(fn)))
          // Every mutation leaves at least one audit row, even when its handler names no entity.
          if (records.length === 0) records.push({ entity: entry.domain, entityId: null, before: null, after: result })
          for (const rec of records) await writeAudit(conn, actor, entry.channel, now, rec)
          return result
        })
        // Committed: the in-memory cases read again what this change touched (the audit records say what).
        cases.invalidate(touchedPrisoners(records))
        for (const fn of committed) {
          try {
            fn()
          } catch (err) {
            this.opts.log(err)
          }
        }
        return out
      }
      default: {
        const never: never = entry.def.kind
        throw new Error(`Unknown channel kind ${String(never)}`)
      }
    }
  }

  /**
   * ../shared/specs/mpc-rules.md D.5 "first evaluation of the day": before the first request of the
   * day by a user who may write handover records (RULES 'handover.saveDetails'), every such case
   * they may change is reconciled in one write transaction of its own (handover/reconcile.ts): a
   * POM's allocated cases (the shared database's row policy), a HOMD's or HOMS's every case. Once
   * per store, day and scope in this process; a failure is logged, never put in the user's way
   * (the screens still work the reset out for display), and not tried again until the next day.
   */
  private async dailyHandoverCheck(user: User, now: Date): Promise<void> {
    const rule = RULES['handover.saveDetails']
    if (rule.kind !== 'roles' || !rule.roles.includes(user.role)) return
    const scope: ReconcileScope | null = user.role === 'pom' ? (user.staffId === null ? null : { pomStaffId: user.staffId }) : 'all'
    const store = this.opts.runtime.store
    if (!scope || !store) return
    const today = this.opts.runtime.today()
    const key = `${today}|${scope === 'all' ? 'all' : `pom:${scope.pomStaffId}`}`
    let done = this.handoverChecked.get(store)
    if (!done) this.handoverChecked.set(store, (done = new Set()))
    if (done.has(key)) return
    done.add(key)
    let records: AuditRecord[] = []
    try {
      // Worked out in a read first: on most days nothing has moved, and then no write is taken (on
      // the shared database a write waits its turn with every other desk's).
      const due = await store.read((conn) => handoversToReconcile(conn, today, scope))
      if (due.length === 0) return
      await store.write(async (conn) => {
        records = []
        await reconcileHandovers({ store: conn, today, now, actor: user, audit: (rec) => records.push(rec) }, { prisonerIds: due }, { auditState: true })
        for (const rec of records) await writeAudit(conn, user, HANDOVER_RECALCULATED, now, rec)
      })
      casesOf(store).invalidate(touchedPrisoners(records))
    } catch (err) {
      this.opts.log(err)
    }
  }

  private openStore(): Store {
    const store = this.opts.runtime.store
    if (!store) throw new UserFacingError('unavailable', 'The data file is not open. Use the recovery page to restore a backup or start a new file.')
    return store
  }

  private context(store: StoreConn, actor: User | null, now: Date, audit: (rec: AuditRecord) => void, endRead: () => Promise<void>, afterCommit: (fn: () => void) => void = () => undefined): HandlerContext {
    const rt = this.opts.runtime
    return { store, now, today: rt.today(), host: rt.config.host, log: rt.config.log, actor, audit, endRead, afterCommit, purges: rt.purges }
  }
}
