import crypto from 'node:crypto'

/**
 * A PostgreSQL SCRAM-SHA-256 password verifier (RFC 5802/7677, the form `ALTER ROLE ... PASSWORD`
 * accepts), worked out here so the password itself is never sent to the server, where a
 * statement log could keep it. 4096 iterations, PostgreSQL's own default. The password's UTF-8
 * bytes are used as they are, as node-postgres uses them when it signs in.
 */
export function scramVerifier(password: string, iterations = 4096): string {
  const salt = crypto.randomBytes(16)
  const salted = crypto.pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256')
  const clientKey = crypto.createHmac('sha256', salted).update('Client Key').digest()
  const storedKey = crypto.createHash('sha256').update(clientKey).digest()
  const serverKey = crypto.createHmac('sha256', salted).update('Server Key').digest()
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`
}
