import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type pg from 'pg'

// A real PostgreSQL server for the tests and the benchmark (issue 13): Debian's binaries, a
// cluster made with initdb in a temp dir, on a free loopback port, stopped at the end. Never any
// address but 127.0.0.1. initdb refuses to run as root, so as root the cluster belongs to the
// `postgres` system user.

export interface Cluster {
  port: number
  dir: string
  /** The test CA's certificate (PEM), when the cluster was started with TLS. */
  caFile: string | null
  admin: pg.ClientConfig
  stop(): void
}

const ADMIN = 'omu_admin'

function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN
  const root = '/usr/lib/postgresql'
  if (fs.existsSync(root)) {
    const versions = fs.readdirSync(root).filter((v) => Number(v) >= 15).sort((a, b) => Number(b) - Number(a))
    if (versions[0]) return path.join(root, versions[0], 'bin')
  }
  return '' // on the PATH
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0

/** Runs a server binary, as the postgres system user when we are root. */
function run(bin: string, args: string[]): string {
  const exe = path.join(binDir(), bin)
  if (isRoot()) return execFileSync('runuser', ['-u', 'postgres', '--', exe, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  return execFileSync(exe, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

/** The server command line of a cluster on `port` with its socket in `dir` (loopback only). */
function serverOptions(port: number, dir: string): string {
  // fsync off: test data need not survive a power cut, and a stopped server process loses
  // nothing with it (the operating system still has every write). synchronous_commit stays on.
  const base = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`
  // TLS when the cluster was made with certificates (makeCertificates): as the README asks IT to run it.
  return fs.existsSync(path.join(dir, 'tls', 'server.crt')) ? `${base} -c ssl=on -c ssl_cert_file=${dir}/tls/server.crt -c ssl_key_file=${dir}/tls/server.key` : base
}

/**
 * A test certificate authority and a server certificate it signed for the name `localhost` only
 * (so connecting to 127.0.0.1 with verify-full is a name mismatch, as a wrong server name would be).
 */
function makeCertificates(dir: string): void {
  const tls = path.join(dir, 'tls')
  fs.mkdirSync(tls)
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: tls, stdio: 'ignore' })
  ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=OMU Test Estate CA', '-keyout', 'ca.key', '-out', 'ca.crt')
  ssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-keyout', 'server.key', '-out', 'server.csr')
  fs.writeFileSync(path.join(tls, 'ext.cnf'), 'subjectAltName=DNS:localhost\n')
  ssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-extfile', 'ext.cnf', '-out', 'server.crt')
  fs.chmodSync(path.join(tls, 'server.key'), 0o600)
}

/** Stops a worker's server at once, as a crash would (from a test, by its folder). */
export function crashServer(info: { dir: string }): void {
  run('pg_ctl', ['-D', path.join(info.dir, 'data'), '-m', 'immediate', '-w', 'stop'])
}

/** Starts a stopped worker's server again on the same port (crash recovery runs first). */
export function restartServer(info: { dir: string; port: number }): void {
  run('pg_ctl', ['-D', path.join(info.dir, 'data'), '-l', path.join(info.dir, 'server.log'), '-w', '-t', '60', '-o', serverOptions(info.port, info.dir), 'start'])
}

/**
 * `tls`: the server speaks TLS with a test CA's certificate (makeCertificates). `authDelayMs`: the
 * server waits this long before answering a failed sign-in (PostgreSQL's contrib module
 * auth_delay, as docs/SECURITY.md asks IT to set it; issue 14). Neither is on by default: the
 * clusters the other tests share start as plain and fast as before.
 */
export async function startCluster(opts: { tls?: boolean; authDelayMs?: number } = {}): Promise<Cluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omu-pg-'))
  if (opts.tls) makeCertificates(dir)
  const data = path.join(dir, 'data')
  const password = 'omu-test-admin'
  fs.writeFileSync(path.join(dir, 'pw'), password)
  if (isRoot()) execFileSync('chown', ['-R', 'postgres:postgres', dir])
  fs.chmodSync(dir, 0o700)
  run('initdb', ['-D', data, '-U', ADMIN, '--pwfile', path.join(dir, 'pw'), '--auth-local=scram-sha-256', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C'])
  fs.rmSync(path.join(dir, 'pw'), { force: true })
  if (opts.authDelayMs !== undefined) {
    // In postgresql.conf, as IT would set it, so a restart (restartServer) keeps it.
    const ms = Math.round(opts.authDelayMs)
    if (!(ms > 0)) throw new Error(`authDelayMs must be a positive number of milliseconds, not ${opts.authDelayMs}`)
    fs.appendFileSync(path.join(data, 'postgresql.conf'), `\n# issue 14: failed sign-ins answered after a delay\nshared_preload_libraries = 'auth_delay'\nauth_delay.milliseconds = ${ms}\n`)
  }
  const port = await freePort()
  restartServer({ dir, port })
  return {
    port,
    dir,
    caFile: opts.tls ? path.join(dir, 'tls', 'ca.crt') : null,
    admin: { host: '127.0.0.1', port, user: ADMIN, password, database: 'postgres' },
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
