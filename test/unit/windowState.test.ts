import { EventEmitter } from 'node:events'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AuthSession } from '../../electron/services/auth/session'
import { rememberWindowPerUser, type RememberedWindow } from '../../electron/desktop/windowMemory'
import { centredDefault, MIN_SIZE, placeWindow, WindowStateStore, type Rect, type WindowPlacement } from '../../electron/desktop/windowState'

// Issue 18, "Menus and window": size, position and maximised state remembered per user and
// restored on a display that is there now.

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 } // 1920×1080 less the taskbar
const monitorRight: Rect = { x: 1920, y: 0, width: 2560, height: 1400 }

describe('where the window goes (issue 18)', () => {
  it('with nothing saved: the default size centred on the primary display', () => {
    expect(placeWindow(null, [laptop], laptop)).toEqual({ bounds: { x: 320, y: 110, width: 1280, height: 820 }, maximized: false })
  })

  it('saved bounds wholly on a display are kept as they were, maximised or not', () => {
    const saved: WindowPlacement = { bounds: { x: 2000, y: 100, width: 1600, height: 1000 }, maximized: true }
    expect(placeWindow(saved, [laptop, monitorRight], laptop)).toEqual(saved)
  })

  it('the second monitor unplugged: a window saved there opens centred on the laptop, still maximised if it was', () => {
    const saved: WindowPlacement = { bounds: { x: 2000, y: 100, width: 1600, height: 1000 }, maximized: true }
    expect(placeWindow(saved, [laptop], laptop)).toEqual({ bounds: centredDefault(laptop), maximized: true })
  })

  it('a window hanging off the edge is moved wholly onto the display it overlaps most', () => {
    const saved: WindowPlacement = { bounds: { x: 1500, y: -50, width: 1000, height: 700 }, maximized: false }
    // 420 px on the laptop, 580 px on the monitor: it goes onto the monitor, inside its top edge.
    expect(placeWindow(saved, [laptop, monitorRight], laptop).bounds).toEqual({ x: 1920, y: 0, width: 1000, height: 700 })
  })

  it('a window larger than a smaller display now is shrunk to its work area', () => {
    const small: Rect = { x: 0, y: 0, width: 1366, height: 728 }
    const saved: WindowPlacement = { bounds: { x: 100, y: 100, width: 2400, height: 1300 }, maximized: false }
    expect(placeWindow(saved, [small], small).bounds).toEqual({ x: 0, y: 0, width: 1366, height: 728 })
  })

  it('a saved size below the minimum is raised to it', () => {
    const saved: WindowPlacement = { bounds: { x: 10, y: 10, width: 200, height: 100 }, maximized: false }
    expect(placeWindow(saved, [laptop], laptop).bounds).toEqual({ x: 10, y: 10, width: MIN_SIZE.width, height: MIN_SIZE.height })
  })
})

describe('the saved placements file (issue 18)', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
  })
  const folder = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'omu-window-'))
    dirs.push(d)
    return d
  }

  it('keeps each user’s placement under their id only, private to the signed-in account', () => {
    const dir = folder()
    const store = WindowStateStore.inFolder(dir)
    store.set(3, { bounds: { x: 1.4, y: 2, width: 1000, height: 700 }, maximized: false })
    store.set(7, { bounds: { x: 0, y: 0, width: 1200, height: 800 }, maximized: true })
    expect(store.get(3)).toEqual({ bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: false })
    expect(store.get(7)?.maximized).toBe(true)
    expect(store.get(4)).toBeNull()
    const file = path.join(dir, 'omu-window-state.json')
    expect(Object.keys((JSON.parse(fs.readFileSync(file, 'utf8')) as { users: object }).users)).toEqual(['3', '7'])
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o077).toBe(0)
    expect(fs.readdirSync(dir)).toEqual(['omu-window-state.json'])
  })

  it('a damaged file counts as nothing saved and is replaced at the next save', () => {
    const dir = folder()
    fs.writeFileSync(path.join(dir, 'omu-window-state.json'), '{"version":1,"users":{"3":{"bounds":"left"}}')
    const store = WindowStateStore.inFolder(dir)
    expect(store.get(3)).toBeNull()
    store.set(3, { bounds: { x: 0, y: 0, width: 1000, height: 700 }, maximized: false })
    expect(store.get(3)?.bounds.width).toBe(1000)
  })
})

class FakeWindow extends EventEmitter implements RememberedWindow {
  bounds: Rect = { x: 0, y: 0, width: 1280, height: 820 }
  normal: Rect = this.bounds
  maximized = false
  override on(event: string, listener: () => void): this {
    return super.on(event, listener)
  }
  getBounds = () => this.bounds
  getNormalBounds = () => (this.maximized ? this.normal : this.bounds)
  setBounds = (b: Rect) => {
    this.bounds = b
    this.normal = b
    this.emit('move')
  }
  isMaximized = () => this.maximized
  isMinimized = () => false
  isFullScreen = () => false
  maximize = () => {
    this.normal = this.bounds
    this.maximized = true
    this.bounds = laptop
  }
  unmaximize = () => {
    this.maximized = false
    this.bounds = this.normal
  }
  isDestroyed = () => false
}

describe('the window follows the signed-in user (issue 18)', () => {
  function setUp() {
    const saved = new Map<number, WindowPlacement>()
    const win = new FakeWindow()
    let timer: (() => void) | null = null
    const memory = rememberWindowPerUser(win, {
      store: { get: (id) => saved.get(id) ?? null, set: (id, p) => void saved.set(id, p) },
      displays: { workAreas: () => [laptop], primaryWorkArea: () => laptop },
      log: (err) => {
        throw err
      },
      setTimer: (fn) => (timer = fn),
      clearTimer: () => (timer = null),
    })
    const session = new AuthSession(15 * 60_000)
    session.onUserChange((id) => memory.userChanged(id))
    const user = (id: number) => ({ id, username: `user${id}`, displayName: `User ${id}`, role: 'pom' as const, staffId: null, active: true })
    return { saved, win, session, user, settle: () => timer?.() }
  }

  it('moves made while signed in are saved under that user once they settle, and restored at their next sign-in', () => {
    const { saved, win, session, user, settle } = setUp()
    session.signIn(user(3), new Date())
    win.bounds = { x: 100, y: 50, width: 1000, height: 700 }
    win.emit('move')
    expect(saved.get(3)).toBeUndefined()
    settle()
    expect(saved.get(3)).toEqual({ bounds: { x: 100, y: 50, width: 1000, height: 700 }, maximized: false })
    session.signOut()
    session.signIn(user(5), new Date())
    win.bounds = { x: 300, y: 300, width: 900, height: 600 }
    win.emit('resize')
    settle()
    session.signOut()
    session.signIn(user(3), new Date())
    expect(win.bounds).toEqual({ x: 100, y: 50, width: 1000, height: 700 })
    expect(saved.get(5)?.bounds).toEqual({ x: 300, y: 300, width: 900, height: 600 })
  })

  it('maximising is saved at once with the size to come back to, and restored maximised', () => {
    const { saved, win, session, user } = setUp()
    session.signIn(user(3), new Date())
    win.bounds = { x: 100, y: 50, width: 1000, height: 700 }
    win.maximize()
    win.emit('maximize')
    expect(saved.get(3)).toEqual({ bounds: { x: 100, y: 50, width: 1000, height: 700 }, maximized: true })
    session.signOut()
    win.unmaximize()
    session.signIn(user(3), new Date())
    expect(win.maximized).toBe(true)
    expect(win.getNormalBounds()).toEqual({ x: 100, y: 50, width: 1000, height: 700 })
  })

  it('nothing is saved while nobody is signed in, and a user with nothing saved keeps the window where it is', () => {
    const { saved, win, session, user, settle } = setUp()
    win.bounds = { x: 10, y: 10, width: 1000, height: 700 }
    win.emit('move')
    settle()
    win.emit('close')
    expect(saved.size).toBe(0)
    session.signIn(user(9), new Date())
    expect(win.bounds).toEqual({ x: 10, y: 10, width: 1000, height: 700 })
  })
})
