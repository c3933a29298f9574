/** The one query-key factory: every cached read is keyed from here, so invalidation is predictable. */
export const keys = {
  all: ['omu'] as const,
  status: () => [...keys.all, 'status'] as const,
  establishment: () => [...keys.all, 'establishment'] as const,
  settings: () => [...keys.all, 'settings'] as const,
}
