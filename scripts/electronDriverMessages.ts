// What `npm start` prints when it cannot start the app: one plain paragraph per kind of failure,
// saying what to do. The technical detail goes to the log file named in the paragraph, never to
// the terminal as a stack trace (issue 21).

const prefix = 'OMU Desk could not start:'
const again = 'then run `npm start` again'

export function electronPackageMissing(): string {
  return `${prefix} the Electron package is not installed in node_modules. Run \`npm install\` in the project folder, ${again}.`
}

export function electronMissing(electronVersion: string, log: string): string {
  return (
    `${prefix} Electron ${electronVersion}'s program is not installed and could not be downloaded. ` +
    `Electron downloads it (about 100 MB) the first time \`npm start\` runs, so check the internet connection, ` +
    `and the proxy settings (HTTPS_PROXY) if this network needs one, ${again}; if it still fails, ` +
    `delete the folder node_modules/electron and run \`npm install\`. Details are in ${log}.`
  )
}

export function electronDidNotLaunch(reason: string): string {
  return (
    `${prefix} Electron did not launch (${reason}). Delete the folder node_modules/electron and run ` +
    `\`npm install\` so Electron is downloaded again, ${again}.`
  )
}

export function electronAbiUnknown(electronVersion: string): string {
  return (
    `${prefix} the installed node-abi package does not know which ABI Electron ${electronVersion} uses, ` +
    `so the database driver cannot be built for it. Run \`npm update node-abi\`, ${again}.`
  )
}

export function headersUnavailable(electronVersion: string, log: string): string {
  return (
    `${prefix} the database driver could not be built for Electron ${electronVersion} because Electron's ` +
    `headers could not be downloaded from electronjs.org (needed once per Electron version). Check the ` +
    `internet connection, and the proxy settings (HTTPS_PROXY, or npm's proxy setting) if this network ` +
    `needs one, ${again}. Details are in ${log}.`
  )
}

const toolchainAdvice: Record<string, string> = {
  linux: 'Install a C++ compiler, make and Python 3 (on Debian or Ubuntu: `sudo apt-get install build-essential python3`)',
  darwin: "Install Apple's command line developer tools (`xcode-select --install`)",
  win32: 'Install Visual Studio Build Tools with the "Desktop development with C++" workload, and Python 3',
}

export function noToolchain(platform: string, log: string): string {
  const advice = toolchainAdvice[platform] ?? 'Install a C++ compiler, make and Python 3'
  return (
    `${prefix} the database driver has to be compiled for Electron on this machine (no prebuilt driver ` +
    `could be downloaded for it) and no C++ build toolchain was found. ${advice}, ${again}. Details are in ${log}.`
  )
}

export function buildFailed(electronVersion: string, log: string): string {
  return (
    `${prefix} the database driver could not be built for Electron ${electronVersion}. The reason is at the ` +
    `end of ${log}; fix it, ${again}. For a more detailed log, run it with the environment ` +
    `variable DEBUG=electron-rebuild set.`
  )
}

export function driverForWrongAbi(electronVersion: string, builtAbi: string, neededAbi: string): string {
  return (
    `${prefix} the database driver just built for Electron ${electronVersion} is for ABI ${builtAbi}, but ` +
    `Electron ${electronVersion} needs ABI ${neededAbi}, so it would not load. The build used other headers ` +
    `than Electron's: delete the folder .electron-native and Electron's cached headers (the folder ` +
    `.electron-gyp in your home folder), ${again}.`
  )
}

export function driverDoesNotLoad(electronVersion: string, reason: string, log: string): string {
  return (
    `${prefix} the database driver built for Electron ${electronVersion} does not load in Electron ` +
    `(${reason}). Reinstall Electron: delete the folders node_modules/electron and .electron-native, run ` +
    `\`npm install\`, ${again}; if it still does not load, the details are in ${log}.`
  )
}
