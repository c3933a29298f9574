import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron'

// Issue 18, "Menus and window": a right-click menu on text fields (cut, copy, paste, select all,
// and the spell-checker's suggestions for a misspelt word, en-GB: main.ts) and on selected text
// (copy). Built from the `context-menu` event's parameters; the wiring (desktop/wire.ts) pops it
// up. Pure, so it is tested as data (test/unit/desktopMenu.test.ts).

export type ContextMenuFacts = Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'misspelledWord' | 'dictionarySuggestions'> & {
  editFlags: Pick<ContextMenuParams['editFlags'], 'canCut' | 'canCopy' | 'canPaste' | 'canSelectAll'>
}

export interface ContextMenuActions {
  /** Replace the misspelt word with a suggestion (webContents.replaceMisspelling). */
  replaceMisspelling(word: string): void
  /** Add the word to the spell-checker's dictionary (session.addWordToSpellCheckerDictionary). */
  addToDictionary(word: string): void
}

/** At most this many suggestions, as word processors show. */
export const MAX_SUGGESTIONS = 5

/** The menu's items, or none when there is nothing to offer (a right-click on plain page text). */
export function contextMenuTemplate(params: ContextMenuFacts, actions: ContextMenuActions): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = []
  const word = params.misspelledWord
  if (params.isEditable && word) {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS)
    if (suggestions.length === 0) items.push({ label: 'No spelling suggestions', enabled: false })
    for (const suggestion of suggestions) items.push({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) })
    items.push({ label: 'Add to dictionary', click: () => actions.addToDictionary(word) }, { type: 'separator' })
  }
  if (params.isEditable) {
    const f = params.editFlags
    items.push({ role: 'cut', enabled: f.canCut }, { role: 'copy', enabled: f.canCopy }, { role: 'paste', enabled: f.canPaste }, { type: 'separator' }, { role: 'selectAll', enabled: f.canSelectAll })
  } else if (params.selectionText.trim() !== '') {
    items.push({ role: 'copy' })
  }
  return items
}
