import type pg from 'pg'

/** Test workers (and servers) in `npm run test:pg`: the machine's two cores. */
export const PG_WORKERS = 2
export const TEMPLATE_DATABASE = 'omu_template'

export interface ClusterInfo {
  port: number
  dir: string
  admin: pg.ClientConfig
}

export const usePostgres = (): boolean => process.env.OMU_TEST_BACKEND === 'postgres'
