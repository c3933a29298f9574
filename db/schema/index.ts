// The drizzle schema. Migrations in db/migrations are generated from this by drizzle-kit
// (`npm run db:generate`); never hand-written.
export * from './establishment'
export * from './caseload'
export * from './caseWork'
export * from './coworking'
export * from './handover'
export * from './parole'
export * from './resourcing'
export * from './rrmp'
export * from './trust'
