// Turns zod issues into { path, reason } pairs a HOMS can read: `baselines[3].weighting` and
// "must be a whole number from 1 to 3", never zod's own wording.
import type { z } from 'zod'

export interface CatalogProblem {
  /** Where the problem is, e.g. `baselines[3].weighting`; `(catalogue)` for the whole file. */
  path: string
  /** What is wrong, in plain English. */
  reason: string
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out === '' ? '(catalogue)' : out
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object (a group of fields)',
}

function describeInput(input: unknown): string {
  if (input === null) return 'empty (null)'
  if (Array.isArray(input)) return 'a list'
  if (typeof input === 'string') return `text ${JSON.stringify(input)}`
  if (typeof input === 'number' || typeof input === 'boolean') return String(input)
  return typeof input === 'object' ? 'an object' : typeof input
}

function sizeReason(issue: { origin?: string; minimum?: unknown; maximum?: unknown }, small: boolean): string {
  const bound = String(small ? issue.minimum : issue.maximum)
  switch (issue.origin) {
    case 'string':
      return small && bound === '1' ? 'must not be empty' : `must be ${small ? 'at least' : 'at most'} ${bound} characters long`
    case 'array':
      return small ? `must list at least ${bound} item${bound === '1' ? '' : 's'}` : `must list at most ${bound} items`
    default:
      return `must be ${small ? 'at least' : 'at most'} ${bound}`
  }
}

/** Plain-English reason for one zod issue (parsed with reportInput so `input` is present). */
export function reasonFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const input = (issue as { input?: unknown }).input
      if (input === undefined) return 'is missing'
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected
      return `must be ${expected}, not ${describeInput(input)}`
    }
    case 'too_small':
      return sizeReason(issue, true)
    case 'too_big':
      return sizeReason(issue, false)
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')} (got ${describeInput((issue as { input?: unknown }).input)})`
    case 'unrecognized_keys':
      return 'is not a recognised field'
    case 'invalid_format':
      return `is not in the expected format (${issue.format})`
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`
    case 'invalid_union':
      return 'does not match any of the accepted shapes'
    case 'invalid_key':
    case 'invalid_element':
      return 'contains an invalid entry'
    case 'custom':
      return issue.message
    default: {
      const never: never = issue
      return String((never as { message?: string }).message ?? 'is not valid')
    }
  }
}

/** One problem per issue; an unrecognised-keys issue becomes one problem per unknown field. */
export function zodProblems(error: z.ZodError): CatalogProblem[] {
  const out: CatalogProblem[] = []
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: formatPath([...issue.path, key]), reason: reasonFor(issue) })
    } else {
      out.push({ path: formatPath(issue.path), reason: reasonFor(issue) })
    }
  }
  return out
}

/** Compares strings with digit runs as numbers: 'baselines[2]' < 'baselines[10]', '2.9' < '2.10'. */
export function naturalCompare(a: string, b: string): number {
  const pa = a.split(/(\d+)/)
  const pb = b.split(/(\d+)/)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? ''
    const y = pb[i] ?? ''
    if (x === y) continue
    if (/^\d+$/.test(x) && /^\d+$/.test(y)) return Number(x) - Number(y)
    return x < y ? -1 : 1
  }
  return 0
}

// ---- In words (issue 16: no internal paths where a HOMS reads a problem) --------------------

/** Lists of a catalogue file, by the name of one of their entries. */
const LIST_NOUNS: Record<string, string> = {
  baselines: 'baseline',
  stages: 'stage',
  areas: 'area',
  items: 'item',
  deliveryOptions: 'delivery option',
  priorityCohorts: 'priority cohort',
  sources: 'source',
  actions: 'action',
}

/** Fields whose own name would not say enough. */
const FIELD_WORDS: Record<string, string> = { level: 'restriction level', autonomy: 'autonomy level', stageModel: 'stage model', faceToFace: 'face to face', refNo: 'reference number' }

function words(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
}

const SEGMENT = /([A-Za-z_]+)(?:\[(\d+)\])?|\[(\d+)\]/g

/**
 * Where a problem is, in words: `baselines[3].deliveryOptions[1].id` is "Baseline entry 4,
 * delivery option 2, id" (entries counted from 1 in the order of the file); `(catalogue)` is
 * "The catalogue as a whole".
 */
export function placeInWords(path: string): string {
  if (path === '(catalogue)' || path === '') return 'The catalogue as a whole'
  const parts: string[] = []
  for (const m of path.matchAll(SEGMENT)) {
    const [, name, index, bare] = m
    if (name !== undefined && index !== undefined) parts.push(`${parts.length === 0 ? `${LIST_NOUNS[name] ?? words(name)} entry` : (LIST_NOUNS[name] ?? words(name))} ${Number(index) + 1}`)
    else if (name !== undefined) parts.push(FIELD_WORDS[name] ?? words(name))
    else if (bare !== undefined) parts.push(`entry ${Number(bare) + 1}`)
  }
  const out = parts.join(', ')
  return out.charAt(0).toUpperCase() + out.slice(1)
}

/** One problem as a sentence: the place in words, then the reason with any path in it in words too. */
export function problemInWords(p: CatalogProblem): string {
  const reason = p.reason.replace(/\b[A-Za-z]+\[\d+\](?:\.[A-Za-z]+|\[\d+\])*/g, (m) => {
    const w = placeInWords(m)
    return w.charAt(0).toLowerCase() + w.slice(1)
  })
  return `${placeInWords(p.path)}: ${reason}`
}
