#!/usr/bin/env node
// What `npm start` runs after building: find (or fetch, once) the Electron binary, make sure the
// Electron-ABI build of better-sqlite3 is there, then run the desktop app.
//
// Why not just require('electron')? In Electron >= 42 the package's index.js downloads the binary
// on first use, synchronously, with no timeout, printing a stack trace when it fails. Here we look
// for the binary the same way index.js does (path.txt + dist/, or ELECTRON_OVERRIDE_DIST_PATH),
// and only run its install.js when a download can succeed, with a time limit, so that a machine
// without network access gets one clear paragraph in seconds instead of a hang — and then the same
// app in the browser host (dist/host, built by `npm run build`), so `npm start` works there too.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureHostBundle } from './hostBundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const mainBundle = path.join(root, 'dist', 'electron', 'main.cjs');
const PROBE_TIMEOUT_MS = 8_000;
const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;
const CACHED_INSTALL_TIMEOUT_MS = 2 * 60_000;

const say = (msg) => console.log(`start-desktop: ${msg}`);

let electronVersion = '(unknown version)';
try {
  electronVersion = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
} catch {
  // reported below as "not installed"
}

/** The one paragraph for "no Electron here", then the browser host in this process (it never returns). */
function noElectron(reason) {
  console.error(
    `\nPanel's desktop window cannot start on this machine: Electron's binary (Electron ${electronVersion} for ` +
      `${process.platform}-${process.arch}) is not in node_modules/electron/dist and could not be downloaded here — ${reason}. ` +
      `Nothing else depends on it: the register and every screen run in the browser host, which starts now — open the ` +
      `address it prints below (next time, "npm run start:browser" starts it directly). To get the desktop app, run "npm start" ` +
      `once on a machine with internet access (Electron fetches its binary from GitHub on first run and keeps it in ` +
      `node_modules/electron/dist), or install a packaged build of Panel (made with "npm run dist").\n`,
  );
  void startBrowserHostInstead();
  // Whatever called this stops here; the host keeps the process alive.
  throw HANDED_OVER;
}

const HANDED_OVER = Symbol('the browser host took over');

async function startBrowserHostInstead() {
  let entry;
  try {
    entry = await ensureHostBundle((line) => say(line));
  } catch {
    console.error('start-desktop: the browser host could not be built either; fix the errors above.');
    process.exit(1);
  }
  // The host reads the same arguments (--db, --port) from process.argv.
  await import(pathToFileURL(entry).href);
}

/** Mirrors node_modules/electron/index.js without its side effect: the binary's path, or null. */
function platformExecutable() {
  switch (process.platform) {
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

function findElectronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  const recorded = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const candidate = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, recorded || platformExecutable())
    : recorded
      ? path.join(electronDir, 'dist', recorded)
      : null;
  if (!candidate) return null;
  try {
    fs.accessSync(candidate, process.platform === 'win32' ? fs.constants.F_OK : fs.constants.X_OK);
    return candidate;
  } catch {
    return null;
  }
}

/** Where @electron/get (used by install.js) keeps downloaded zips; a cached zip installs offline. */
function electronCacheRoot() {
  if (process.env.electron_config_cache) return process.env.electron_config_cache;
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'electron');
  if (process.platform === 'win32') return path.join(process.env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'electron', 'Cache');
  return path.join(process.env.XDG_CACHE_HOME || path.join(home, '.cache'), 'electron');
}

function hasCachedZip() {
  const zip = `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`;
  const cacheRoot = electronCacheRoot();
  try {
    return fs.readdirSync(cacheRoot, { withFileTypes: true }).some((d) => d.isDirectory() && fs.existsSync(path.join(cacheRoot, d.name, zip)));
  } catch {
    return false;
  }
}

function downloadBase() {
  const env = process.env;
  return (
    env.ELECTRON_MIRROR ||
    env.npm_config_electron_mirror ||
    env.NPM_CONFIG_ELECTRON_MIRROR ||
    env.npm_package_config_electron_mirror ||
    'https://github.com/electron/electron/releases/download/'
  );
}

/** null if the download host answers at all (any HTTP status), else why not. */
async function whyUnreachable(url) {
  try {
    await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return null;
  } catch (err) {
    if (err?.name === 'TimeoutError') return `no answer from ${new URL(url).host} within ${PROBE_TIMEOUT_MS / 1000} seconds`;
    const cause = err?.cause;
    return cause?.message || cause?.code || err?.message || String(err);
  }
}

const usesProxy = () => ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ELECTRON_GET_USE_PROXY', 'GLOBAL_AGENT_HTTPS_PROXY'].some((k) => process.env[k]);

/** Runs node_modules/electron/install.js (the first-run download) with a time limit. */
function runElectronInstall(timeoutMs) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    const timer = setTimeout(() => {
      output += `\ntimed out after ${Math.round(timeoutMs / 1000)} seconds`;
      child.kill('SIGTERM');
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ ok: false, output: `${output}\n${err.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0, output });
    });
  });
}

async function obtainElectron() {
  if (!fs.existsSync(path.join(electronDir, 'package.json'))) {
    noElectron('the electron package itself is missing from node_modules (run "npm install")');
  }
  const found = findElectronBinary();
  if (found) return found;

  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    noElectron('ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it is not fetched');
  }
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    noElectron(`ELECTRON_OVERRIDE_DIST_PATH points at ${process.env.ELECTRON_OVERRIDE_DIST_PATH}, which has no Electron executable`);
  }

  const cached = hasCachedZip();
  const base = downloadBase();
  // Behind a proxy Node's fetch would give a false "unreachable": let install.js (which honours it) try.
  const offline = cached || usesProxy() ? null : await whyUnreachable(base);
  if (offline) noElectron(`there is no network access to ${new URL(base).host} (${offline})`);

  say(
    cached
      ? `installing Electron ${electronVersion} from the local download cache...`
      : `downloading Electron ${electronVersion} for ${process.platform}-${process.arch} (about 100 MB, first run only)...`,
  );
  const result = await runElectronInstall(cached ? CACHED_INSTALL_TIMEOUT_MS : DOWNLOAD_TIMEOUT_MS);
  const binary = findElectronBinary();
  if (result.ok && binary) return binary;

  const lines = result.output.trim().split('\n').filter(Boolean);
  const firstError = lines.find((l) => /error|failed|timed out|ENOTFOUND|EAI_AGAIN|ECONN|ETIMEDOUT|checksum|HTTP/i.test(l)) ?? lines[0] ?? 'no output';
  const stillOffline = await whyUnreachable(base);
  noElectron(`the download from ${new URL(base).host} failed (${firstError.trim()}${stillOffline ? `; ${stillOffline}` : ''})`);
}

async function main() {
  const electron = await obtainElectron();

  if (!fs.existsSync(mainBundle)) {
    console.error(`start-desktop: ${path.relative(root, mainBundle)} is missing; run "npm run build" (npm start does this first).`);
    process.exit(1);
  }

  // better-sqlite3 for Electron's ABI (a no-op when it is already built for this Electron).
  const abi = spawnSync(process.execPath, [path.join(root, 'scripts', 'electron-abi.mjs')], { cwd: root, stdio: 'inherit' });
  if (abi.status !== 0) {
    console.error(
      '\nstart-desktop: not starting the desktop app without its database driver (see above). ' +
        'The register and every screen are available in the browser host: npm run start:browser\n',
    );
    process.exit(1);
  }

  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would turn Electron into plain Node
  const child = spawn(electron, [mainBundle, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env, windowsHide: false });
  child.on('error', (err) => {
    try {
      noElectron(`${electron} could not be started (${err.message})`);
    } catch (e) {
      if (e !== HANDED_OVER) throw e;
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => {
    if (code === null) {
      console.error(`start-desktop: Electron exited with signal ${signal}`);
      process.exit(1);
    }
    process.exit(code);
  });
}

main().catch((err) => {
  if (err === HANDED_OVER) return;
  console.error(`start-desktop: ${err?.stack ?? err}`);
  process.exit(1);
});
