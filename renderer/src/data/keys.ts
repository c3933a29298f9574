/** The one query-key factory: every cached read is keyed from here, so invalidation is predictable. */
export const keys = {
  all: ['omu'] as const,
  status: () => [...keys.all, 'status'] as const,
  establishment: () => [...keys.all, 'establishment'] as const,
  settings: () => [...keys.all, 'settings'] as const,
  auth: () => [...keys.all, 'auth'] as const,
  users: () => [...keys.all, 'users'] as const,
  retention: () => [...keys.all, 'retention'] as const,
  catalogs: () => [...keys.all, 'catalogs'] as const,
  audit: (entity: string, entityId: string) => [...keys.all, 'audit', entity, entityId] as const,
  /** The audit trail's hash chain checked (issue 15): once per sign-in, and when Settings asks again. */
  auditChain: () => [...keys.all, 'auditChain'] as const,
  staff: () => [...keys.all, 'staff'] as const,
  caseloadView: () => [...keys.all, 'prefs', 'caseloadView'] as const,
  /** Everything derived from cases (statuses change with every session or allocation). */
  cases: () => [...keys.all, 'cases'] as const,
  caseload: (pomId: number | null) => [...keys.cases(), 'caseload', pomId] as const,
  prisoner: (prisonerId: number) => [...keys.cases(), 'prisoner', prisonerId] as const,
  allocations: () => [...keys.cases(), 'allocations'] as const,
  due: () => [...keys.cases(), 'due'] as const,
  /** The signed-in user's home screen figures (issue 16), worked out from cases and the RRMP. */
  home: () => [...keys.cases(), 'home'] as const,
  /** The RRMP: versions, entries, readiness, sign-off and the export document all change together. */
  rrmp: () => [...keys.all, 'rrmp'] as const,
  rrmpPlan: (versionId: number | 'latest') => [...keys.rrmp(), 'plan', versionId] as const,
  readinessDocument: (versionId: number) => [...keys.rrmp(), 'document', versionId] as const,
  /** EDM catalogues never change once loaded (a new version has a new version string). */
  catalog: (id: string, version: string) => [...keys.all, 'catalog', id, version] as const,
  /** The export's caseload summary is derived from cases, so it refreshes with them. */
  readinessCaseload: () => [...keys.cases(), 'readinessSummary'] as const,
  comparisons: () => [...keys.all, 'comparisons'] as const,
  /** The backup folder's list (issue 7). */
  backups: () => [...keys.all, 'backups'] as const,
  /** Where the data is kept: this computer's file or the shared OMU database (issue 13). */
  storage: () => [...keys.all, 'storage'] as const,
}
