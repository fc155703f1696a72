// The minutes of a meeting as PDF, printed by headless Chromium from the print view:
//   npm run minutes -- --meeting ID [--variant full|redacted] --out FILE [--db PATH]
// Starts the browser host in this process on a free port (loopback, one-off token), opens
// #/print/minutes/ID/VARIANT, waits for it to be laid out and prints A4 with the protective marking,
// the meeting and the variant in the header and footer of every page.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { openDatabase, type Db } from '../db/open';
import { AppError } from '../shared/api/errors';
import { todayIso, formatUk } from '../shared/domain/dates';
import type { MinutesDoc, MinutesVariant } from '../shared/api/minutesSchemas';
import { createDispatcher } from '../electron/dispatch';
import { createHandlers } from '../electron/services';
import { contextFor } from '../electron/services/context';
import { startBrowserHost } from '../electron/server/http';
import { defaultDatabasePath } from '../electron/server/paths';
import { renderPdf, minutesTemplates, type RenderPdfResult } from '../electron/server/pdf';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const staticDir = path.join(root, 'dist/renderer');

/** Builds the UI once if it has not been built (vite build into dist/renderer). */
export function ensureRendererBuilt(): void {
  if (fs.existsSync(path.join(staticDir, 'index.html'))) return;
  console.error('Building the UI first (npx vite build)…');
  const r = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr], shell: process.platform === 'win32' });
  if (r.status !== 0 || !fs.existsSync(path.join(staticDir, 'index.html'))) throw new Error('Building the UI failed; run `npx vite build` to see why.');
}

export interface MinutesPdfOptions {
  /** An open register, or the path of one. */
  db: Db | string;
  meetingId: number;
  variant: MinutesVariant;
  out: string;
  browser?: Browser;
  today?: string;
}

/** Writes the minutes of one meeting to `out` as PDF; returns pages, size and time taken. */
export async function writeMinutesPdf(opts: MinutesPdfOptions): Promise<RenderPdfResult & { doc: MinutesDoc }> {
  ensureRendererBuilt();
  const ownDb = typeof opts.db === 'string';
  const db = typeof opts.db === 'string' ? openDatabase(opts.db) : opts.db;
  const dbPath = typeof opts.db === 'string' ? opts.db : db.name;
  try {
    const today = opts.today ?? todayIso();
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const dispatch = createDispatcher({ db, handlers: createHandlers(db, { today: () => today, version: pkg.version, dbPath }), context: contextFor(db), log: (m, e) => console.error(m, e) });
    // Ask for the minutes here first: a wrong meeting number fails at once, and the templates need the meeting.
    const first = dispatch('minutes.get', { meetingId: opts.meetingId, variant: opts.variant });
    if (!first.ok) throw new AppError('not_found', first.error.message);
    const doc = first.value as MinutesDoc;
    const host = await startBrowserHost({ dispatch, staticDir, port: 0 });
    try {
      const { header, footer } = minutesTemplates({ marking: doc.marking, meeting: `${doc.meeting.panelName} – ${formatUk(doc.meeting.date)}`, variant: doc.variantLabel });
      const url = `${host.url}#/print/minutes/${opts.meetingId}/${opts.variant}&token=${host.token}`;
      const result = await renderPdf({ url, out: opts.out, header, footer, ...(opts.browser ? { browser: opts.browser } : {}) });
      return { ...result, doc };
    } finally {
      await host.close();
    }
  } finally {
    if (ownDb) db.close();
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const meetingId = Number(arg('meeting'));
  const variant = (arg('variant') ?? 'redacted') as MinutesVariant;
  const out = arg('out');
  if (!Number.isInteger(meetingId) || meetingId <= 0 || !out || (variant !== 'full' && variant !== 'redacted')) {
    console.error('Usage: npm run minutes -- --meeting ID [--variant full|redacted] --out FILE.pdf [--db PATH]\n' +
      '  --variant redacted (the default) names children by reference and initials, for circulation; full names them.');
    process.exit(2);
  }
  const dbPath = path.resolve(arg('db') ?? process.env.PANEL_DB ?? defaultDatabasePath());
  if (!fs.existsSync(dbPath)) {
    console.error(`There is no register at ${dbPath}. Give its path with --db.`);
    process.exit(1);
  }
  const r = await writeMinutesPdf({ db: dbPath, meetingId, variant, out: path.resolve(out) });
  console.log(`Wrote ${r.out}: ${r.doc.meeting.panelName} ${formatUk(r.doc.meeting.date)}, ${r.doc.variantLabel.toLowerCase()}, ${r.pages} page${r.pages === 1 ? '' : 's'}, ${Math.round(r.bytes / 1024)} KB, in ${(r.ms / 1000).toFixed(1)} s.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof AppError ? err.message : err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
