// The drizzle schema. Migrations in db/migrations are generated from this by drizzle-kit
// (`npm run db:generate`); never hand-written.
export * from './establishment'
export * from './caseload'
export * from './rrmp'
export * from './trust'
