/**
 * What the services need from the desktop around them, injected so the same services run under
 * Electron (native dialogs) and in tests (a temp folder). Only the window and transport differ.
 */
export interface Host {
  /** Ask where to save a file; null when the user cancels. */
  chooseSavePath(opts: { title: string; defaultName: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>
  /** Ask for an existing file to open (a backup to restore); null when the user cancels. Absent where there is no dialog. */
  chooseOpenPath?(opts: { title: string; defaultPath: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>
}

/** A host for tests and tools: every save goes into `dir` under the suggested name. */
export function folderHost(dir: string): Host {
  return {
    chooseSavePath: async ({ defaultName }) => `${dir.replace(/[/\\]$/, '')}/${defaultName}`,
  }
}
