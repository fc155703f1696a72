// Panel's documents as PDF, printed by headless Chromium from the same print views the app shows:
//   npm run minutes       -- --meeting ID [--variant full|redacted] --out FILE [--db PATH] [--user NAME]
//   npm run agenda-pack   -- --meeting ID [--variant full|redacted] --out FILE [--db PATH] [--user NAME]
//   npm run archiving-form -- --case ID --out FILE [--db PATH] [--user NAME]
// An encrypted register needs a user: --user NAME (or PANEL_USER) and PANEL_PASSWORD, or the
// password typed when asked (scripts/signIn.ts).
// Starts the browser host in this process on a free port (loopback, one-off token), opens the
// document's print view, waits for it to be laid out and prints A4 with the protective marking,
// the title and the variant in the header and footer of every page.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { openDatabase, type Db } from '../db/open';
import { AppError } from '../shared/api/errors';
import type { DocumentKind } from '../shared/api/documentSchemas';
import type { MinutesVariant } from '../shared/api/minutesSchemas';
import { createApp } from '../electron/createApp';
import { startBrowserHost } from '../electron/server/http';
import { defaultDatabasePath } from '../electron/server/paths';
import { launchPdfBrowser } from '../electron/server/pdf';
import { keyringPath } from '../db/keyring';
import { signInFromCommandLine } from './signIn';
import type { Dispatch } from '../electron/dispatch';
import { printDocument, type DocumentPdf } from '../electron/server/documentPdf';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const staticDir = path.join(root, 'dist/renderer');

/** Builds the UI once if it has not been built (vite build into dist/renderer). */
export function ensureRendererBuilt(): void {
  // Both pages: the app, and the lean print entry PDFs are printed from (a build older than issue 12 has no print.html).
  const built = () => ['index.html', 'print.html'].every((f) => fs.existsSync(path.join(staticDir, f)));
  const changed = built() ? newerSource(fs.statSync(path.join(staticDir, 'index.html')).mtimeMs) : null;
  if (built() && changed === null) return;
  // A build older than the sources would print or bench yesterday's screens.
  console.error(changed ? `Building the UI first (npx vite build): ${path.relative(root, changed)} changed since the last build…` : 'Building the UI first (npx vite build)…');
  const r = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr], shell: process.platform === 'win32' });
  if (r.status !== 0 || !built()) throw new Error('Building the UI failed; run `npx vite build` to see why.');
}

/** The first source of the UI (renderer/, shared/, the Vite config) changed after `since`, or null. */
function newerSource(since: number): string | null {
  const walk = (dir: string): string | null => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        const hit = walk(p);
        if (hit) return hit;
      } else if (fs.statSync(p).mtimeMs > since) return p;
    }
    return null;
  };
  for (const d of ['renderer', 'shared']) {
    const hit = walk(path.join(root, d));
    if (hit) return hit;
  }
  const config = path.join(root, 'vite.config.ts');
  return fs.existsSync(config) && fs.statSync(config).mtimeMs > since ? config : null;
}

export interface DocumentPdfOptions {
  /** An open register, or the path of one. */
  db: Db | string;
  kind: DocumentKind;
  /** The meeting (minutes, agenda pack) or the case (archiving form). */
  id: number;
  variant: MinutesVariant;
  out: string;
  browser?: Browser;
  today?: string;
  /** Who signs in, for a register path with a keyring (an encrypted register). */
  user?: string;
}

/** Writes one document to `out` as PDF; returns pages, size, time taken and what it was. */
export async function writeDocumentPdf(opts: DocumentPdfOptions): Promise<DocumentPdf & { out: string }> {
  ensureRendererBuilt();
  const pinned = opts.today;
  const today = pinned ? () => pinned : undefined;
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  // An encrypted register (it has a keyring) is opened by signing in; an open Db or a plain file directly.
  const session = typeof opts.db === 'string' && fs.existsSync(keyringPath(opts.db))
    ? await signInFromCommandLine(opts.db, { user: opts.user, version: pkg.version, today })
    : null;
  const db = session ? null : typeof opts.db === 'string' ? openDatabase(opts.db) : opts.db;
  const dbPath = typeof opts.db === 'string' ? opts.db : opts.db.name;
  const browser = opts.browser ?? (await launchPdfBrowser());
  try {
    const dispatch: Dispatch = session ? session.dispatch : createApp(db!, { today, version: pkg.version, dbPath, log: (m, e) => console.error(m, e) }).dispatch;
    const host = await startBrowserHost({ dispatch, staticDir, port: 0 });
    try {
      const request = { kind: opts.kind, id: opts.id, variant: opts.variant };
      return { ...(await printDocument({ dispatch, baseUrl: host.url, token: host.token, request, browser, out: opts.out })), out: opts.out };
    } finally {
      await host.close();
    }
  } finally {
    if (!opts.browser) await browser.close();
    session?.close();
    if (db && typeof opts.db === 'string') db.close();
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const USAGE =
  'Usage: npm run minutes -- --meeting ID [--variant full|redacted] --out FILE.pdf [--db PATH]\n' +
  '       npm run agenda-pack -- --meeting ID [--variant full|redacted] --out FILE.pdf [--db PATH]\n' +
  '       npm run archiving-form -- --case ID --out FILE.pdf [--db PATH]\n' +
  '  --user NAME signs in to an encrypted register (password from PANEL_PASSWORD, or asked for).\n' +
  '  --variant redacted (the default) names children by reference and initials, for circulation; full names them.';

async function main(): Promise<void> {
  const kind = (arg('doc') ?? 'minutes') as DocumentKind;
  const id = Number(kind === 'archiving' ? arg('case') : arg('meeting'));
  const variant = (kind === 'archiving' ? 'full' : (arg('variant') ?? 'redacted')) as MinutesVariant;
  const out = arg('out');
  if (!['minutes', 'agenda', 'archiving'].includes(kind) || !Number.isInteger(id) || id <= 0 || !out || (variant !== 'full' && variant !== 'redacted')) {
    console.error(USAGE);
    process.exit(2);
  }
  const dbPath = path.resolve(arg('db') ?? process.env.PANEL_DB ?? defaultDatabasePath());
  if (!fs.existsSync(dbPath)) {
    console.error(`There is no register at ${dbPath}. Give its path with --db.`);
    process.exit(1);
  }
  const r = await writeDocumentPdf({ db: dbPath, kind, id, variant, out: path.resolve(out), user: arg('user') });
  console.log(`Wrote ${r.out}: ${r.info.title}, ${r.info.variantLabel.toLowerCase()}, ${r.pages} page${r.pages === 1 ? '' : 's'}, ${Math.round(r.bytes / 1024)} KB, in ${(r.ms / 1000).toFixed(1)} s.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof AppError ? err.message : err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
