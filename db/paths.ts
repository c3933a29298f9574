import path from 'node:path'

/** The folder of generated migrations below the repo root, or below the app's root when packaged (inside the asar). */
export function migrationsFolderFrom(appRoot: string): string {
  return path.join(appRoot, 'db', 'migrations')
}

/** The shared PostgreSQL database's migrations (issue 13), beside the SQLite file's. */
export function pgMigrationsFolderFrom(appRoot: string): string {
  return path.join(appRoot, 'db', 'migrations-pg')
}
