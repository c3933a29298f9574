import { secretKeyProtector } from '../electron/services/storage/dataKey'

// Issue 15: the services under test seal the data key as the app does, with a real AES-GCM
// protector standing in for the operating system's (no Electron here). One secret is one
// "account": every test runtime shares it, so a restart finds its key; another secret is another
// account or computer, which cannot unseal it.
export const TEST_ACCOUNT = secretKeyProtector(Buffer.from('omu-desk test account'))
export const OTHER_ACCOUNT = secretKeyProtector(Buffer.from('another account on another computer'))
