import type { MenuItemConstructorOptions } from 'electron'
import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { repoRoot } from '../../db/testing'
import { describe, expect, it } from 'vitest'
import { contextMenuTemplate, MAX_SUGGESTIONS, type ContextMenuFacts } from '../../electron/desktop/contextMenu'
import { aboutDetail, menuTemplate, type MenuActions } from '../../electron/desktop/menu'

// Issue 18, "Menus and window" and "Proof": no Electron window runs here, so the menus are tested as
// data (labels, roles, accelerators, what a click does; no developer items when packaged).

function recorder() {
  const calls: string[] = []
  const actions: MenuActions = {
    print: () => calls.push('print'),
    showAbout: () => calls.push('about'),
    showLogFiles: () => calls.push('logs'),
    openUserGuide: () => calls.push('guide'),
  }
  return { calls, actions }
}

const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[]
const top = (t: MenuItemConstructorOptions[], label: string) => t.find((m) => m.label?.replace('&', '') === label || m.role === label)
const roles = (items: MenuItemConstructorOptions[]) => items.filter((i) => i.role).map((i) => i.role)
const everyItem = (t: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => t.flatMap((i) => [i, ...everyItem(submenu(i))])
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.()

describe('the application menu as data (issue 18)', () => {
  it('has File, Edit, View, Window and Help on Windows', () => {
    const t = menuTemplate({ isPackaged: true, platform: 'win32', appName: 'OMU Desk', actions: recorder().actions })
    expect(t.map((m) => m.label ?? m.role)).toEqual(['&File', '&Edit', '&View', 'windowMenu', '&Help'])
  })

  it('Edit holds the standard items by role: undo, redo, cut, copy, paste, select all', () => {
    const t = menuTemplate({ isPackaged: true, platform: 'win32', appName: 'OMU Desk', actions: recorder().actions })
    expect(roles(submenu(top(t, 'Edit')))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'])
  })

  it('View zooms (actual size, in, out) and, when packaged, has no Reload or Toggle Developer Tools anywhere', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const t = menuTemplate({ isPackaged: true, platform, appName: 'OMU Desk', actions: recorder().actions })
      expect(roles(submenu(top(t, 'View')))).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'])
      const all = everyItem(t).map((i) => i.role)
      for (const developer of ['reload', 'forceReload', 'toggleDevTools']) expect(all, `${platform} ${developer}`).not.toContain(developer)
    }
  })

  it('a development run keeps Reload and Toggle Developer Tools', () => {
    const t = menuTemplate({ isPackaged: false, platform: 'win32', appName: 'OMU Desk', actions: recorder().actions })
    expect(roles(submenu(top(t, 'View')))).toEqual(['reload', 'forceReload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'])
  })

  it('File › Print… answers Ctrl+P and prints', () => {
    const { calls, actions } = recorder()
    const t = menuTemplate({ isPackaged: true, platform: 'win32', appName: 'OMU Desk', actions })
    const print = submenu(top(t, 'File')).find((i) => i.label === 'Print…')
    expect(print?.accelerator).toBe('CmdOrCtrl+P')
    click(print)
    expect(calls).toEqual(['print'])
  })

  it('Help has the user guide, Show log files and About (with the app’s name), each doing its own action', () => {
    const { calls, actions } = recorder()
    const t = menuTemplate({ isPackaged: true, platform: 'win32', appName: 'OMU Desk', actions })
    const help = submenu(top(t, 'Help'))
    expect(top(t, 'Help')?.role).toBe('help')
    expect(help.filter((i) => i.label).map((i) => i.label)).toEqual(['User guide', 'Show log files', 'About OMU Desk'])
    for (const item of help) click(item)
    expect(calls).toEqual(['guide', 'logs', 'about'])
  })

  it('the user guide Help opens is shipped: the README is copied beside app.asar, where any viewer can read it', () => {
    const config = parse(fs.readFileSync(path.join(repoRoot(), 'electron-builder.yml'), 'utf8')) as { extraResources?: { from: string; to: string }[] }
    expect(config.extraResources).toContainEqual({ from: 'README.md', to: 'README.md' })
  })

  it('on macOS About sits in the app menu, with Quit, and File closes the window instead', () => {
    const t = menuTemplate({ isPackaged: true, platform: 'darwin', appName: 'OMU Desk', actions: recorder().actions })
    expect(t[0]?.label).toBe('OMU Desk')
    expect(submenu(t[0])[0]?.label).toBe('About OMU Desk')
    expect(roles(submenu(t[0]))).toContain('quit')
    expect(roles(submenu(top(t, 'File')))).toEqual(['close'])
    expect(submenu(top(t, 'Help')).map((i) => i.label)).toEqual(['User guide', 'Show log files'])
  })

  it('About names the version, the data file, the log folder and the local crash reports', () => {
    const text = aboutDetail({ version: '0.1.0', dataLocation: 'C:\\Users\\x\\AppData\\Roaming\\OMU Desk\\omu.db', logDir: 'L', crashDir: 'C', electron: '45.4.1', chrome: '140', node: '22.20.0' })
    expect(text).toContain('Version 0.1.0')
    expect(text).toContain('Data: C:\\Users\\x\\AppData\\Roaming\\OMU Desk\\omu.db')
    expect(text).toContain('Log files: L')
    expect(text).toContain('Crash reports (kept on this computer, never sent): C')
  })
})

describe('the context menu on text fields (issue 18)', () => {
  const flags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true }
  const field = (over: Partial<ContextMenuFacts> = {}): ContextMenuFacts => ({ isEditable: true, selectionText: '', misspelledWord: '', dictionarySuggestions: [], editFlags: flags, ...over })
  const noActions = { replaceMisspelling: () => undefined, addToDictionary: () => undefined }

  it('a text field offers cut, copy, paste and select all by role, enabled as the field allows', () => {
    const items = contextMenuTemplate(field({ editFlags: { ...flags, canCut: false, canCopy: false } }), noActions)
    expect(items.filter((i) => i.role).map((i) => [i.role, i.enabled])).toEqual([
      ['cut', false],
      ['copy', false],
      ['paste', true],
      ['selectAll', true],
    ])
  })

  it('a misspelt word offers the spell-checker’s suggestions first (at most five), and adding it to the dictionary', () => {
    const replaced: string[] = []
    const added: string[] = []
    const suggestions = ['supervision', 'supervisions', 'superposition', 'supervisor', 'supervising', 'supervise']
    const items = contextMenuTemplate(field({ misspelledWord: 'supervison', dictionarySuggestions: suggestions }), { replaceMisspelling: (w) => replaced.push(w), addToDictionary: (w) => added.push(w) })
    expect(items.slice(0, MAX_SUGGESTIONS + 1).map((i) => i.label)).toEqual([...suggestions.slice(0, MAX_SUGGESTIONS), 'Add to dictionary'])
    click(items[0])
    click(items[MAX_SUGGESTIONS])
    expect(replaced).toEqual(['supervision'])
    expect(added).toEqual(['supervison'])
    expect(items.filter((i) => i.role).map((i) => i.role)).toEqual(['cut', 'copy', 'paste', 'selectAll'])
  })

  it('a misspelt word with no suggestions says so, disabled', () => {
    const items = contextMenuTemplate(field({ misspelledWord: 'Qwxz', dictionarySuggestions: [] }), noActions)
    expect(items[0]).toEqual({ label: 'No spelling suggestions', enabled: false })
  })

  it('selected page text offers Copy only; a right-click on nothing offers no menu', () => {
    expect(contextMenuTemplate(field({ isEditable: false, selectionText: 'Stage 3' }), noActions)).toEqual([{ role: 'copy' }])
    expect(contextMenuTemplate(field({ isEditable: false, selectionText: '  ' }), noActions)).toEqual([])
  })
})
