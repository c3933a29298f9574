import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

// Issue 18, "Menus and window": the window's size, position and maximised state are remembered per
// signed-in user and restored on a display that is there now (a laptop undocked from its second
// screen must not open the window off-screen). The placement is pure (tested in
// test/unit/windowState.test.ts); the file is a small JSON document in the app's user-data folder,
// keyed by user id only (no names), readable by the signed-in account only (filePrivacy.ts: its
// name starts `omu-`, so files from earlier versions are tightened at start too).

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowPlacement {
  bounds: Rect
  maximized: boolean
}

/** The window's first size (electron/security.ts buildWindowOptions) and its minimum. */
export const DEFAULT_SIZE = { width: 1280, height: 820 } as const
export const MIN_SIZE = { width: 900, height: 600 } as const

export const WINDOW_STATE_FILE = 'omu-window-state.json'

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high))
}

/** The default size, no larger than the work area, centred on it. */
export function centredDefault(workArea: Rect): Rect {
  const width = Math.min(DEFAULT_SIZE.width, workArea.width)
  const height = Math.min(DEFAULT_SIZE.height, workArea.height)
  return {
    x: workArea.x + Math.round((workArea.width - width) / 2),
    y: workArea.y + Math.round((workArea.height - height) / 2),
    width,
    height,
  }
}

/**
 * Where the window goes: the saved bounds moved and shrunk to lie wholly inside the work area of the
 * display they overlap most (never smaller than the minimum size unless the display is), or, when
 * nothing was saved or the saved bounds overlap no display now, the default size centred on the
 * primary display. `workAreas` are the displays' work areas (screen less taskbar and dock).
 */
export function placeWindow(saved: WindowPlacement | null, workAreas: readonly Rect[], primary: Rect): WindowPlacement {
  if (!saved) return { bounds: centredDefault(primary), maximized: false }
  let best: Rect | null = null
  let bestOverlap = 0
  for (const area of workAreas) {
    const o = overlap(saved.bounds, area)
    if (o > bestOverlap) {
      best = area
      bestOverlap = o
    }
  }
  if (!best) return { bounds: centredDefault(primary), maximized: saved.maximized }
  const width = clamp(saved.bounds.width, Math.min(MIN_SIZE.width, best.width), best.width)
  const height = clamp(saved.bounds.height, Math.min(MIN_SIZE.height, best.height), best.height)
  return {
    bounds: {
      x: clamp(saved.bounds.x, best.x, best.x + best.width - width),
      y: clamp(saved.bounds.y, best.y, best.y + best.height - height),
      width,
      height,
    },
    maximized: saved.maximized,
  }
}

const rectSchema = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().positive(), height: z.number().int().positive() })
const placementSchema = z.object({ bounds: rectSchema, maximized: z.boolean() })
const fileSchema = z.object({ version: z.literal(1), users: z.record(z.string().regex(/^\d+$/), placementSchema) })
type WindowStateFile = z.infer<typeof fileSchema>

/** The saved placements, per user id. A missing, unreadable or foreign file counts as none saved. */
export class WindowStateStore {
  constructor(private readonly file: string) {}

  static inFolder(userDataDir: string): WindowStateStore {
    return new WindowStateStore(path.join(userDataDir, WINDOW_STATE_FILE))
  }

  private read(): WindowStateFile {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')))
      if (parsed.success) return parsed.data
    } catch {
      // No file yet, or not JSON: start again.
    }
    return { version: 1, users: {} }
  }

  get(userId: number): WindowPlacement | null {
    return this.read().users[String(userId)] ?? null
  }

  /** Written whole through a temp file and a rename, so a crash never leaves half a file. */
  set(userId: number, placement: WindowPlacement): void {
    const checked = placementSchema.safeParse({ bounds: roundRect(placement.bounds), maximized: placement.maximized })
    if (!checked.success) return
    const data = this.read()
    data.users[String(userId)] = checked.data
    const temp = `${this.file}.${process.pid}.tmp`
    fs.mkdirSync(path.dirname(this.file), { recursive: true })
    fs.writeFileSync(temp, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 })
    fs.renameSync(temp, this.file)
  }
}

function roundRect(r: Rect): Rect {
  return { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) }
}
