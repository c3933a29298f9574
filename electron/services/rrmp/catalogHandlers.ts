// EDM catalogues (Settings): the shipped ones and those imported from a file; imports are
// validated by the engine's catalogue loader and stored through ./store.
import { loadCatalog, problemInWords, type EdmCatalog } from '../../../shared/engine'
import type { CatalogSummary } from '../../../shared/ipc/channels/catalogs'
import { UserFacingError } from '../../../shared/ipc/result'
import type { Handlers } from '../handlers/types'
import { catalogImported, importedCatalogRows, insertCatalog, SHIPPED_CATALOGS } from './store'

function summary(c: EdmCatalog, shipped: boolean, importedAt: string | null): CatalogSummary {
  return { id: c.id, version: c.version, title: c.title, publisher: c.source.publisher, baselines: c.baselines.length, stages: c.stages.length, shipped, importedAt }
}

const SHIPPED = SHIPPED_CATALOGS

export const catalogHandlers: Handlers['catalogs'] = {
  list: async (_i, { store }) => [
    ...SHIPPED.map((c) => summary(c, true, null)),
    ...(await importedCatalogRows(store.db)).map((r) => summary(JSON.parse(r.json) as EdmCatalog, false, r.importedAt)),
  ],

  check: ({ text }) => {
    const r = loadCatalog(text)
    return r.ok ? { problems: [], summary: summary(r.catalog, false, null) } : { problems: r.problems, summary: null }
  },

  import: async ({ text }, { store, now, audit }) => {
    const r = loadCatalog(text)
    if (!r.ok) {
      const first = r.problems.slice(0, 3).map(problemInWords).join('; ')
      throw new UserFacingError('invalid_input', `The catalogue has ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'} and was not imported: ${first}. Check the file to see them all.`, 'text')
    }
    const c = r.catalog
    const clash = SHIPPED.some((s) => s.id === c.id && s.version === c.version) || (await catalogImported(store.db, c.id, c.version))
    if (clash) throw new UserFacingError('conflict', `Catalogue ${c.id} version ${c.version} is already available. Give a new version a new version number.`, 'text')
    const row = await insertCatalog(store.db, c, now.toISOString())
    const out = summary(c, false, row.importedAt)
    audit({ entity: 'catalog', entityId: `${c.id}@${c.version}`, before: null, after: out })
    return out
  },
}
