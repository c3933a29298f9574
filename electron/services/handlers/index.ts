import { establishmentHandlers } from './establishment'
import { settingsHandlers } from './settings'
import { rrmpHandlers } from '../rrmp/handlers'
import { readinessHandlers } from '../rrmp/readinessHandlers'
import { resourcingHandlers } from '../resourcing/handlers'
import { groupHandlers } from '../group/handlers'
import { allocationHandlers, dueHandlers } from './allocation'
import { homeHandlers } from './home'
import { handoverHandlers } from '../handover/handlers'
import { caseImportHandlers } from './caseImport'
import { caseloadHandlers, prisonerHandlers, sessionHandlers, staffHandlers } from './caseload'
import { demoHandlers } from './demo'
import { paroleHandlers } from './parole'
import { coworkingHandlers, reallocationHandlers } from '../coworking/handlers'
import { prefsHandlers } from './prefs'
import { auditHandlers, authHandlers, userHandlers } from '../auth/handlers'
import { backupHandlers } from './backup'
import { retentionHandlers, subjectAccessHandlers } from './subjectAccess'
import { catalogHandlers } from '../rrmp/catalogHandlers'
import { storageHandlers } from '../storage/handlers'
import type { Handlers } from './types'
import { caseWorkHandlers } from '../caseWork/handlers'
import { ReportedRendererError } from '../log/redact'

export const handlers: Handlers = {
  app: {
    status: (_input, ctx) => ctx.status(),
    // Issue 18: through the one log path, which redacts it (electron/services/log/redact.ts).
    reportError: (report, ctx) => {
      ctx.log(new ReportedRendererError(report))
      return {}
    },
  },
  recovery: {
    restoreLatestBackup: (credential, ctx) => ctx.restoreLatestBackup(credential),
    startNewFile: (credential, ctx) => ctx.startNewFile(credential),
    enterRecoveryKey: (input, ctx) => ctx.enterRecoveryKey(input.recoveryKey),
  },
  auth: authHandlers,
  users: userHandlers,
  audit: auditHandlers,
  subjectAccess: subjectAccessHandlers,
  retention: retentionHandlers,
  catalogs: catalogHandlers,
  establishment: establishmentHandlers,
  settings: settingsHandlers,
  rrmp: rrmpHandlers,
  readiness: readinessHandlers,
  resourcing: resourcingHandlers,
  group: groupHandlers,
  caseload: caseloadHandlers,
  staff: staffHandlers,
  prisoners: prisonerHandlers,
  sessions: sessionHandlers,
  caseWork: caseWorkHandlers,
  parole: paroleHandlers,
  allocations: allocationHandlers,
  coworking: coworkingHandlers,
  reallocation: reallocationHandlers,
  due: dueHandlers,
  home: homeHandlers,
  handover: handoverHandlers,
  prefs: prefsHandlers,
  caseImport: caseImportHandlers,
  demo: demoHandlers,
  backup: backupHandlers,
  storage: storageHandlers,
}
