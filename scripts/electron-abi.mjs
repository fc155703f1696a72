#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .cache/electron-abi/better_sqlite3.node.
//
// node_modules/better-sqlite3 keeps the build for Node's ABI (npm test, the browser host); the
// desktop app loads this second build through better-sqlite3's `nativeBinding` option, so the two
// never overwrite each other. Rebuilt only when missing or when Electron / better-sqlite3 / the
// platform changed (recorded in .cache/electron-abi/version.txt). `--force` rebuilds anyway.
//
// How: copy node_modules/better-sqlite3 to a temp dir and compile it there against Electron's
// headers, with @electron/rebuild when it is installed and this Node can run it, otherwise with
// node-gyp directly. Either way the headers are downloaded once from electronjs.org.
//
// Plain Node ESM, no dependencies. Exit 0 = the binding is there and current; 1 = it is not.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, '.cache', 'electron-abi');
const outFile = path.join(outDir, 'better_sqlite3.node');
const versionFile = path.join(outDir, 'version.txt');
const force = process.argv.includes('--force');
const verbose = process.argv.includes('--verbose');
const HEADERS_URL = 'https://electronjs.org/headers';
const BUILD_TIMEOUT_MS = 15 * 60_000;

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const log = (msg) => console.log(`electron-abi: ${msg}`);

/** Why the build could not be made; reported as one paragraph (after the temp dir is cleaned up). */
class GiveUp extends Error {
  constructor(reason, details = '') {
    super(reason);
    this.details = details;
  }
}

const giveUp = (reason, details) => {
  throw new GiveUp(reason, details);
};

function explain(reason, electronVersion, details = '') {
  if (details) console.error(details.trimEnd() + '\n');
  console.error(
    `electron-abi: Panel's desktop app needs better-sqlite3 compiled for Electron ${electronVersion ?? '(unknown version)'}'s ABI, ` +
      `and that build could not be made here: ${reason}. ` +
      `Making it downloads Electron's C++ headers from electronjs.org once, then compiles with the local toolchain ` +
      `(Python 3, make and a C++ compiler; Visual Studio Build Tools on Windows). ` +
      `Nothing else is affected: npm test and the browser host use the Node build in node_modules/better-sqlite3, ` +
      `so the register and every screen are available with "npm run start:browser". ` +
      `To get the desktop app, run "node scripts/electron-abi.mjs" on a machine with internet access ` +
      `(or copy a .cache/electron-abi folder built for the same Electron version and platform here), or install a packaged build of Panel.`,
  );
}

/** Why a URL cannot be reached, e.g. "getaddrinfo ENOTFOUND electronjs.org", or null if it can. */
async function whyUnreachable(url) {
  try {
    await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(8000) });
    return null;
  } catch (err) {
    const cause = err?.cause;
    if (err?.name === 'TimeoutError') return `no answer from ${new URL(url).host} within 8 seconds`;
    return cause?.message ?? cause?.code ?? err?.message ?? String(err);
  }
}

async function classify(output) {
  const errors = output.split('\n').filter((l) => /ERR!|error/i.test(l));
  const net = output.match(/.*(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|fetch failed|socket hang up|network connectivity|self[- ]signed certificate|unable to get local issuer).*/i);
  if (net) {
    const url = output.match(/GET (https?:\/\/\S+)/)?.[1] ?? HEADERS_URL;
    const why = (await whyUnreachable(url)) ?? net[0].trim().replace(/^gyp ERR! (stack )?(Error: )?/, '');
    return `Electron's headers could not be downloaded from ${url} (${why})`;
  }
  if (errors.some((l) => /find Python|Could not find any Python/i.test(l))) return 'node-gyp could not find Python 3';
  if (errors.some((l) => /make: not found|not found: make|g\+\+|c\+\+: (?:command )?not found|find VS|Visual Studio/i.test(l))) {
    return 'no C++ build toolchain was found (make and g++/clang, or Visual Studio Build Tools)';
  }
  // @electron/rebuild prints node-gyp's log itself rather than returning it: check the network directly.
  const offline = await whyUnreachable(`${HEADERS_URL}/v${electronVersion}/SHASUMS256.txt`);
  if (offline) return `Electron's headers could not be downloaded from ${HEADERS_URL} (${offline})`;
  const last = errors.slice(-1)[0];
  return `the compile failed${last ? ` ("${last.trim()}")` : ''}`;
}

function run(cmd, args, options) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const onData = (chunk) => {
      output += chunk;
      if (verbose) process.stderr.write(chunk);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => {
      output += `\n(timed out after ${BUILD_TIMEOUT_MS / 60_000} minutes)\n`;
      child.kill('SIGTERM');
    }, BUILD_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: -1, output: output + `\n${err.message}\n` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, output });
    });
  });
}

/** npm exports .npmrc settings to child processes; a nodedir/target from there would build against Node's headers. */
function cleanEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch|build_from_source)$/i.test(key)) delete env[key];
  }
  return env;
}

const tail = (text, lines = 25) => text.trimEnd().split('\n').slice(-lines).join('\n');

let electronVersion;

async function main() {
  let sqliteVersion;
  let sqlitePackage;
  try {
    electronVersion = readJson(path.join(root, 'node_modules', 'electron', 'package.json')).version;
    // "better-sqlite3" is an alias of better-sqlite3-multiple-ciphers (the encrypting build): the
    // real package name is part of the record, so a cached build of plain better-sqlite3 of the same
    // version number is never taken for it.
    ({ version: sqliteVersion, name: sqlitePackage } = readJson(path.join(root, 'node_modules', 'better-sqlite3', 'package.json')));
  } catch (err) {
    giveUp(`node_modules is incomplete (${err.message}); run "npm install" first`);
  }

  const record = `electron ${electronVersion}\n${sqlitePackage} ${sqliteVersion}\nplatform ${process.platform}-${process.arch}\n`;
  if (!force && fs.existsSync(outFile) && fs.existsSync(versionFile) && fs.readFileSync(versionFile, 'utf8') === record) {
    log(`up to date (${sqlitePackage} ${sqliteVersion} for Electron ${electronVersion}, ${process.platform}-${process.arch}).`);
    return;
  }

  log(`building ${sqlitePackage} ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch}); this takes a minute or two...`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'panel-electron-abi-'));
  try {
    const moduleDir = path.join(tmp, 'node_modules', 'better-sqlite3');
    const source = path.join(root, 'node_modules', 'better-sqlite3');
    // The sources only: the Node build in build/ must not be mistaken for the Electron one.
    fs.cpSync(source, moduleDir, { recursive: true, filter: (src) => path.relative(source, src).split(path.sep)[0] !== 'build' });
    fs.writeFileSync(
      path.join(tmp, 'package.json'),
      JSON.stringify({ name: 'panel-electron-abi', version: '0.0.0', private: true, dependencies: { 'better-sqlite3': sqlitePackage === 'better-sqlite3' ? sqliteVersion : `npm:${sqlitePackage}@${sqliteVersion}` } }, null, 2),
    );

    const env = cleanEnv();
    const rebuildEntry = path.join(root, 'node_modules', '@electron', 'rebuild', 'lib', 'main.js');
    const [major, minor] = process.versions.node.split('.').map(Number);
    const canUseRebuild = fs.existsSync(rebuildEntry) && (major > 22 || (major === 22 && minor >= 12)) && !process.env.PANEL_ABI_USE_NODE_GYP;

    let result;
    if (canUseRebuild) {
      log('using @electron/rebuild');
      for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
      try {
        const { rebuild } = await import(pathToFileURL(rebuildEntry).href);
        await rebuild({ buildPath: tmp, electronVersion, arch: process.arch, onlyModules: ['better-sqlite3'], force: true, mode: 'sequential', headerURL: HEADERS_URL });
        result = { code: 0, output: '' };
      } catch (err) {
        result = { code: 1, output: `${err?.stack ?? err}\n${err?.cause ? String(err.cause?.stack ?? err.cause) : ''}` };
      }
    } else {
      const nodeGyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
      if (!fs.existsSync(nodeGyp)) giveUp('node-gyp is not installed in node_modules (run "npm install")');
      log('using node-gyp');
      result = await run(
        process.execPath,
        [
          nodeGyp,
          'rebuild',
          '--release',
          `--target=${electronVersion}`,
          `--arch=${process.arch}`,
          `--dist-url=${HEADERS_URL}`,
          // Electron headers cached apart from Node's (the same place @electron/rebuild uses).
          `--devdir=${path.join(os.homedir(), '.electron-gyp')}`,
        ],
        { cwd: moduleDir, env },
      );
    }

    const built = path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
    if (result.code !== 0 || !fs.existsSync(built)) {
      const reason = await classify(result.output);
      // The build log only helps when it was the compile that failed, not the download.
      const offline = reason.startsWith("Electron's headers could not be downloaded");
      giveUp(reason, verbose || offline ? '' : tail(result.output));
    }

    // A build that loads in plain Node was compiled against Node's headers, not Electron's.
    const probe = spawnSync(process.execPath, ['-e', 'process.dlopen({ exports: {} }, process.argv[1])', built], { encoding: 'utf8', timeout: 30_000 });
    if (probe.status === 0) {
      giveUp('the result was compiled for Node\'s ABI rather than Electron\'s (is npm_config_nodedir or "nodedir" in .npmrc pointing node-gyp at Node\'s headers?)');
    }

    fs.mkdirSync(outDir, { recursive: true });
    const partial = `${outFile}.partial`;
    fs.copyFileSync(built, partial);
    fs.renameSync(partial, outFile);
    fs.writeFileSync(versionFile, record);
    log(`wrote ${path.relative(root, outFile)}.`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  if (err instanceof GiveUp) explain(err.message, electronVersion, err.details);
  else explain(`an unexpected error (${err?.stack ?? err})`, electronVersion);
  process.exit(1);
});
