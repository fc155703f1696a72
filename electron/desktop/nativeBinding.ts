import path from 'node:path';

/**
 * Where the Electron-ABI build of better-sqlite3 lives.
 *
 * `node_modules/better-sqlite3` holds the build for Node's ABI (what `npm test` and the browser
 * host use); Electron needs one compiled against its own ABI. scripts/electron-abi.mjs builds that
 * into `.cache/electron-abi/` and electron-builder ships it as an extra resource, so the two never
 * overwrite each other. This module does not import 'electron': the caller passes `app.isPackaged`.
 */
export const NATIVE_BINDING_FILE = 'better_sqlite3.node';

/** Relative to the app root (the folder with package.json) in development. */
export const DEV_NATIVE_BINDING_DIR = path.join('.cache', 'electron-abi');

export interface NativeBindingOptions {
  /** `app.isPackaged`. */
  isPackaged: boolean;
  /** `process.resourcesPath` (only set inside Electron); defaults to it. */
  resourcesPath?: string;
}

export function electronNativeBindingPath(appRoot: string, options: NativeBindingOptions): string {
  if (options.isPackaged) {
    const resources = options.resourcesPath ?? (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
    if (!resources) throw new Error('process.resourcesPath is not set: electronNativeBindingPath({ isPackaged: true }) only works inside Electron.');
    return path.join(resources, NATIVE_BINDING_FILE);
  }
  return path.join(appRoot, DEV_NATIVE_BINDING_DIR, NATIVE_BINDING_FILE);
}
