import { eq, and } from 'drizzle-orm'
import { importedCatalog } from '../../../db/schema'
import { loadCatalog, OMU_EDM, PROBATION_SUPERVISION_EDM, type EdmCatalog } from '../../../shared/engine'
import type { CatalogSummary } from '../../../shared/ipc/channels/catalogs'
import { UserFacingError } from '../../../shared/ipc/result'
import type { Handlers } from './types'

function summary(c: EdmCatalog, shipped: boolean, importedAt: string | null): CatalogSummary {
  return { id: c.id, version: c.version, title: c.title, publisher: c.source.publisher, baselines: c.baselines.length, stages: c.stages.length, shipped, importedAt }
}

const SHIPPED = [OMU_EDM, PROBATION_SUPERVISION_EDM]

export const catalogHandlers: Handlers['catalogs'] = {
  list: (_i, { store }) => [
    ...SHIPPED.map((c) => summary(c, true, null)),
    ...store.db
      .select()
      .from(importedCatalog)
      .orderBy(importedCatalog.importedAt)
      .all()
      .map((r) => summary(JSON.parse(r.json) as EdmCatalog, false, r.importedAt)),
  ],

  check: ({ text }) => {
    const r = loadCatalog(text)
    return r.ok ? { problems: [], summary: summary(r.catalog, false, null) } : { problems: r.problems, summary: null }
  },

  import: ({ text }, { store, now, audit }) => {
    const r = loadCatalog(text)
    if (!r.ok) {
      const first = r.problems.slice(0, 3).map((p) => `${p.path} ${p.reason}`).join('; ')
      throw new UserFacingError('invalid_input', `The catalogue has ${r.problems.length} problem(s) and was not imported: ${first}. Check the file to see them all.`, 'text')
    }
    const c = r.catalog
    const clash = SHIPPED.some((s) => s.id === c.id && s.version === c.version) || store.db.select({ id: importedCatalog.id }).from(importedCatalog).where(and(eq(importedCatalog.catalogId, c.id), eq(importedCatalog.version, c.version))).get()
    if (clash) throw new UserFacingError('conflict', `Catalogue ${c.id} version ${c.version} is already available. Give a new version a new version number.`, 'text')
    const row = store.db.insert(importedCatalog).values({ catalogId: c.id, version: c.version, json: JSON.stringify(c), importedAt: now.toISOString() }).returning().get()
    const out = summary(c, false, row.importedAt)
    audit({ entity: 'catalog', entityId: `${c.id}@${c.version}`, before: null, after: out })
    return out
  },
}
