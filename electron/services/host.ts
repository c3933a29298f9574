/**
 * What the services need from the desktop around them, injected so the same services run under
 * Electron (native dialogs) and in tests (a temp folder). Only the window and transport differ.
 */
export interface Host {
  /** Ask where to save a file; null when the user cancels. */
  chooseSavePath(opts: { title: string; defaultName: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>
  /** Ask for an existing file to open (a backup to restore); null when the user cancels. Absent where there is no dialog. */
  chooseOpenPath?(opts: { title: string; defaultPath: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>
  /**
   * Open a drafted email in the user's own mail program (issue 17, "notify the community"). Only
   * mailto: links: the caller checks the scheme and so must the opener. Absent where there is no OS.
   */
  openExternal?(url: string): Promise<void>
}

/** A host for tests and tools: every save goes into `dir` under the suggested name. */
export function folderHost(dir: string): Host & { opened: string[] } {
  const opened: string[] = []
  return {
    chooseSavePath: async ({ defaultName }) => `${dir.replace(/[/\\]$/, '')}/${defaultName}`,
    // Links the app asked the OS to open, kept for the tests to read (nothing is opened).
    openExternal: async (url) => {
      if (!url.startsWith('mailto:')) throw new Error('The app opens only email (mailto:) links.')
      opened.push(url)
    },
    opened,
  }
}
