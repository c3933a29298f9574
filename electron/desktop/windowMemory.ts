import { placeWindow, type Rect, type WindowPlacement } from './windowState'

// Issue 18, "Menus and window": follows the signed-in user. At sign-in the window moves to where
// that user last had it (placeWindow keeps it on a display that is there now); while they are
// signed in each move, resize, maximise and the close are saved under their id. Written against the
// few window and screen calls it needs, so it is tested with stand-ins (test/unit/windowState.test.ts).

export interface RememberedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown
  getBounds(): Rect
  getNormalBounds(): Rect
  setBounds(bounds: Rect): void
  isMaximized(): boolean
  isMinimized(): boolean
  isFullScreen(): boolean
  maximize(): void
  unmaximize(): void
  isDestroyed(): boolean
}

export interface Displays {
  workAreas(): Rect[]
  primaryWorkArea(): Rect
}

export interface PlacementStore {
  get(userId: number): WindowPlacement | null
  set(userId: number, placement: WindowPlacement): void
}

/** Moves and resizes come in bursts while dragging: saved once they settle. */
export const SAVE_AFTER_MS = 500

export interface WindowMemory {
  /** The signed-in user changed (AuthSession.onUserChange): null when nobody is signed in. */
  userChanged(userId: number | null): void
  /** Save now (before quitting). */
  flush(): void
}

export function rememberWindowPerUser(
  win: RememberedWindow,
  deps: { store: PlacementStore; displays: Displays; log: (err: unknown) => void; setTimer?: (fn: () => void, ms: number) => unknown; clearTimer?: (handle: unknown) => void },
): WindowMemory {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout))
  let userId: number | null = null
  let pending: unknown = null

  const save = () => {
    if (pending !== null) clearTimer(pending)
    pending = null
    if (userId === null || win.isDestroyed() || win.isMinimized()) return
    // The size to come back to: a maximised or full-screen window's own (normal) bounds.
    const maximized = win.isMaximized()
    const bounds = maximized || win.isFullScreen() ? win.getNormalBounds() : win.getBounds()
    try {
      deps.store.set(userId, { bounds, maximized })
    } catch (err) {
      deps.log(err)
    }
  }
  const saveSoon = () => {
    if (userId === null) return
    if (pending !== null) clearTimer(pending)
    pending = setTimer(save, SAVE_AFTER_MS)
  }
  win.on('resize', saveSoon)
  win.on('move', saveSoon)
  win.on('maximize', save)
  win.on('unmaximize', save)
  win.on('close', save)

  return {
    userChanged(next) {
      // What the previous user had is saved under their id before the window follows the next.
      save()
      userId = next
      if (next === null || win.isDestroyed()) return
      let saved: WindowPlacement | null = null
      try {
        saved = deps.store.get(next)
      } catch (err) {
        deps.log(err)
      }
      if (!saved) return
      const placement = placeWindow(saved, deps.displays.workAreas(), deps.displays.primaryWorkArea())
      if (win.isMaximized()) win.unmaximize()
      win.setBounds(placement.bounds)
      if (placement.maximized) win.maximize()
    },
    flush: save,
  }
}
