// The shared OMU database's administration commands (issue 13; README: Running a shared OMU database).
//   npm run db:provision -- --url postgres://ADMIN:PASSWORD@HOST:PORT/postgres --database omu --homs NAME [--name "Display Name"]
//   npm run db:user -- --url postgres://ADMIN:PASSWORD@HOST:PORT/omu add --role pom|homd|homs|governor|reader --username NAME [--name "Display Name"] [--establishment N]
//   npm run db:user -- --url postgres://ADMIN:PASSWORD@HOST:PORT/omu group --username NAME --group "GROUP NAME" --establishments 1,2,3
//   npm run db:migrate -- --url postgres://ADMIN:PASSWORD@HOST:PORT/omu
//   npm run db:copy-to-shared -- --from PATH/TO/omu.db --url postgres://ADMIN:PASSWORD@HOST:PORT/omu
//   npm run db:audit-check -- --url postgres://ADMIN:PASSWORD@HOST:PORT/omu
// The new user's password is asked on the terminal (not echoed), or read from OMU_NEW_PASSWORD
// for scripted onboarding. The app itself never needs these rights.
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { pgMigrationsFolderFrom } from '../db/paths'
import { migrateShared } from '../db/shared/migrate'
import type Database from 'better-sqlite3'
import { isPlainSqliteFile, openSqliteFile, parseRecoveryKey, WrongKeyError } from '../db/sqliteFile'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import fs from 'node:fs'
import { migrationsFolderFrom } from '../db/paths'
import { copyToShared } from '../db/shared/copy'
import { addUser, setGroupReader, provision, type AppRole } from '../db/shared/provision'
import { auditCheck, serverAdvice } from './auditCheck'
import { passwordProblem } from '../electron/services/auth/passwordRules'

/** The command line's role names; `reader` is the app's read-only reviewer. */
const ROLES: Record<string, AppRole> = { pom: 'pom', homd: 'homd', homs: 'homs', governor: 'governor', reader: 'read_only' }
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const migrations = pgMigrationsFolderFrom(root)

function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}

function required(args: string[], name: string, what: string): string {
  const v = option(args, name)
  if (!v || v.startsWith('--')) fail(`Give ${what} with --${name}.`)
  return v
}

/** A password typed without echo (or OMU_NEW_PASSWORD), asked twice on a terminal. */
async function newPassword(username: string): Promise<string> {
  // The app's own rule for a new password (issue 15), for OMU_NEW_PASSWORD as for one typed.
  const checked = (password: string): string => {
    const problem = passwordProblem(password, username)
    if (problem) fail(problem)
    return password
  }
  const fromEnv = process.env.OMU_NEW_PASSWORD
  if (fromEnv) return checked(fromEnv)
  if (!process.stdin.isTTY) fail('Set OMU_NEW_PASSWORD, or run this in a terminal to type the password.')
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true })
      const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream }
      process.stdout.write(prompt)
      out._writeToOutput = () => undefined
      rl.question('', (answer) => {
        rl.close()
        process.stdout.write('\n')
        resolve(answer)
      })
    })
  const first = await ask(`Password for ${username}: `)
  checked(first)
  if ((await ask('Again: ')) !== first) fail('The two passwords differ; nothing was changed.')
  return first
}

/** The URL's parts (not a connection string, so the provisioning can move on to the new database). */
function clientConfig(url: string): pg.ClientConfig {
  const u = new URL(url)
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') fail('The --url must start with postgres://')
  const sslmode = u.searchParams.get('sslmode')
  return {
    host: decodeURIComponent(u.hostname),
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)) || 'postgres',
    ssl: sslmode === null || sslmode === 'disable' ? false : { rejectUnauthorized: sslmode === 'verify-full' || sslmode === 'verify-ca' },
  }
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2)
  const url = required(args, 'url', 'the administrator’s connection URL')
  switch (command) {
    case 'provision': {
      const database = option(args, 'database') ?? 'omu'
      const homs = required(args, 'homs', 'the first HOMS’s username')
      const password = await newPassword(homs)
      await provision(clientConfig(url), { database, migrationsFolder: migrations, homs: { username: homs, displayName: option(args, 'name') ?? homs, role: 'homs', password }, now: new Date() })
      process.stdout.write(`Created database ${database}, its roles and schema, and the HOMS ${homs}. They can now sign in with OMU Desk.\n`)
      return
    }
    case 'user': {
      if (args.includes('group')) {
        // Issue 19: a Prison Group Director or reviewer who may read the group's establishments side by side.
        const username = required(args, 'username', 'the username')
        const group = required(args, 'group', 'the group’s name')
        const ids = required(args, 'establishments', 'the group’s establishments, as numbers (1,2,3)').split(',').map((x) => Number(x.trim()))
        if (ids.some((n) => !Number.isInteger(n) || n < 1)) fail('Give the establishments as whole numbers separated by commas, for example --establishments 1,2,3.')
        const client = new pg.Client(clientConfig(url))
        await client.connect()
        try {
          await setGroupReader(client, username, group, ids)
        } finally {
          await client.end()
        }
        process.stdout.write(`${username} may now read establishments ${ids.join(', ')} (group ${group}) in the Group view.\n`)
        return
      }
      if (!args.includes('add')) fail('Usage: npm run db:user -- --url URL add --role pom|homd|homs|governor|reader --username NAME [--establishment N]')
      const role = ROLES[required(args, 'role', 'the role')]
      if (!role) fail(`The role must be one of ${Object.keys(ROLES).join(', ')}.`)
      const username = required(args, 'username', 'the username')
      const password = await newPassword(username)
      const client = new pg.Client(clientConfig(url))
      await client.connect()
      try {
        const est = option(args, 'establishment')
        const establishmentId = est === undefined ? undefined : Number(est)
        if (establishmentId !== undefined && (!Number.isInteger(establishmentId) || establishmentId < 1)) fail('Give the establishment as a whole number, for example --establishment 2.')
        await addUser(client, { username, displayName: option(args, 'name') ?? username, role, password, establishmentId }, new Date())
      } finally {
        await client.end()
      }
      process.stdout.write(`Added ${username} (${role}).\n`)
      return
    }
    case 'migrate': {
      const client = new pg.Client(clientConfig(url))
      await client.connect()
      try {
        await migrateShared(client, migrations)
      } finally {
        await client.end()
      }
      process.stdout.write('The shared database schema is up to date.\n')
      return
    }
    case 'copy-to-shared': {
      const from = required(args, 'from', 'the data file to copy (omu.db)')
      if (!fs.existsSync(from)) fail(`There is no file at ${from}.`)
      // Issue 15: the data file is encrypted; the tool has no access to the app's sealed key, so it takes the recovery key a HOMS exported.
      let key: Buffer | null = null
      if (!isPlainSqliteFile(from)) {
        const keyFile = required(args, 'recovery-key-file', 'the recovery key file a HOMS exported from Settings (the data file is encrypted)')
        const found = /Key: ([0-9A-Fa-f-]{64,79})/.exec(fs.readFileSync(keyFile, 'utf8'))
        key = found?.[1] ? parseRecoveryKey(found[1]) : null
        if (!key) fail(`${keyFile} is not an OMU Desk recovery key file (no line "Key: ..." with 64 characters).`)
      }
      let file: Database.Database
      try {
        file = openSqliteFile(from, { key }, { readonly: true, fileMustExist: true })
      } catch (err) {
        if (err instanceof WrongKeyError) fail(`That recovery key does not open ${from}. Use the recovery key exported from the computer this data file came from.`)
        throw err
      }
      const client = new pg.Client(clientConfig(url))
      try {
        // Only a file at this version's schema: the copy's columns are this version's.
        const applied = (file.prepare("select count(*) from sqlite_master where name = '__drizzle_migrations'").pluck().get() as number) > 0 ? (file.prepare('select count(*) from __drizzle_migrations').pluck().get() as number) : 0
        if (applied !== readMigrationFiles({ migrationsFolder: migrationsFolderFrom(root) }).length) fail('Open this data file once with this version of OMU Desk (it brings the file up to date), close it, then copy it.')
        await client.connect()
        const report = await copyToShared(file, client, new Date())
        for (const t of report.tables) process.stdout.write(`${t.table}: ${t.file} in the file, ${t.shared} in the shared database\n`)
        if (report.usersNeedingPassword.length > 0) process.stdout.write(`Set a password for each of these users (Settings › Users, or npm run db:user) before they sign in: ${report.usersNeedingPassword.join(', ')}\n`)
        process.stdout.write('Copied; every table’s count matches.\n')
      } finally {
        file.close()
        await client.end().catch(() => undefined)
      }
      return
    }
    case 'audit-check': {
      // Issue 14: every role's rights on the live server against the app's rules; non-zero on any finding.
      const client = new pg.Client(clientConfig(url))
      await client.connect()
      try {
        const report = await auditCheck(client)
        const advice = await serverAdvice(client)
        process.stdout.write(`Rights of each OMU role (S select, I insert, U update, D delete; lower case: some columns only):\n${report.table.join('\n')}\n\n`)
        for (const a of advice) process.stdout.write(`Advice: ${a}\n`)
        if (report.findings.length === 0) {
          process.stdout.write('No finding: every role has exactly the rights the app gives it.\n')
          return
        }
        for (const f of report.findings) process.stdout.write(`FINDING: ${f}\n`)
        process.exitCode = 1
      } finally {
        await client.end()
      }
      return
    }
    default:
      fail('Commands: provision, user add, migrate, copy-to-shared, audit-check (see the README: Running a shared OMU database).')
  }
}

main().catch((err: unknown) => fail(`Stopped: ${(err as Error).message}`))
