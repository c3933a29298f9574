import type pg from 'pg'

export const TEMPLATE_DATABASE = 'omu_template'

export interface ClusterInfo {
  port: number
  dir: string
  admin: pg.ClientConfig
}

export const usePostgres = (): boolean => process.env.OMU_TEST_BACKEND === 'postgres'
