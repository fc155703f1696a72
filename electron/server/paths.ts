import os from 'node:os';
import path from 'node:path';

/**
 * Where the register lives when no --db is given: the same per-user folder Electron uses for
 * `app.getPath('userData')`, so the desktop app and the browser host open the same register.
 */
export function defaultDatabasePath(platform = process.platform, env = process.env, home = os.homedir()): string {
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(base, 'Panel', 'panel.db');
}
