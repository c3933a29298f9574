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
  /**
   * Issue 16 ("record history refreshes after a change"): a prisoner's record history, under
   * cases so that every write to the case (its facts, sessions, allocation, handover, parole),
   * which invalidates cases(), reads it again.
   */
  prisonerHistory: (prisonerId: number) => [...keys.cases(), 'history', prisonerId] as const,
  allocations: () => [...keys.cases(), 'allocations'] as const,
  /** Issues 17 and 20: a case's parole reviews, and the parole cases list (both move the handover dates). */
  parole: (prisonerId: number) => [...keys.cases(), 'parole', prisonerId] as const,
  paroleCases: () => [...keys.cases(), 'paroleCases'] as const,
  /** The Due screen: the establishment's, or the signed-in POM's own cases (`mine`, issue 16: the home's counts link there). */
  due: (mine: boolean) => [...keys.cases(), 'due', mine] as const,
  /** Issue 17: a case's early allocation, its responsibility overrides and the recommended POM type (all move with the case). */
  earlyAllocation: (prisonerId: number) => [...keys.cases(), 'earlyAllocation', prisonerId] as const,
  overrides: (prisonerId: number) => [...keys.cases(), 'overrides', prisonerId] as const,
  pomTypeRecommendation: (prisonerId: number, staffId: number | null) => [...keys.cases(), 'pomTypeRecommendation', prisonerId, staffId] as const,
  /** Issue 17: a case's handover to the COM (COM details, checklist, notified), and the handover lists (they move with the case's dates). */
  handover: (prisonerId: number) => [...keys.cases(), 'handover', prisonerId] as const,
  handoverLists: (mine: boolean) => [...keys.cases(), 'handoverLists', mine] as const,
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
  /** Issue 19: the Group view, derived from cases, the RRMP and the imported exports (read fresh on each visit). */
  group: () => [...keys.cases(), 'group'] as const,
  /** Issue 19: POM capacity facts and planned changes (staff records). */
  resourcingCapacity: () => [...keys.all, 'resourcingCapacity'] as const,
  /** Issue 19: the resourcing plan is derived from cases, staff and the plan's inputs; what-if inputs key their own answers. */
  resourcing: (whatIf: unknown) => [...keys.cases(), 'resourcing', whatIf] as const,
  /** The backup folder's list (issue 7). */
  backups: () => [...keys.all, 'backups'] as const,
  /** Where the data is kept: this computer's file or the shared OMU database (issue 13). */
  storage: () => [...keys.all, 'storage'] as const,
}
