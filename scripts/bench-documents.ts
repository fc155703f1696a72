// Benchmarks the documents of a long meeting, printed to PDF as the app prints them:
//   npm run bench:documents                 (a 60-item CME panel on the demo register)
//   npm run bench:documents -- --items 30 --runs 5
// Runs a meeting through the services (discussion, decisions, RAG, two actions and a review per
// case), then times building each document and printing it with headless Chromium (the browser
// already running, as in the browser host after its first PDF). Prints medians; asserts nothing.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/open';
import { loadDemo } from '../db/demo/register';
import { createApp } from '../electron/createApp';
import { launchPdfBrowser } from '../electron/server/pdf';
import { writeDocumentPdf } from './pdf';
import type { DocumentKind } from '../shared/api/documentSchemas';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const items = Number(arg('items', '60'));
const runs = Number(arg('runs', '3'));
const today = '2026-11-25';
const file = path.resolve(`.cache/bench-documents-${items}.db`);

fs.mkdirSync(path.dirname(file), { recursive: true });
for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
const db = openDatabase(file);
db.transaction(() => loadDemo(db, { actor: 'Bench', source: 'demo', now: () => `${today}T09:00:00Z` }, { cases: 1000, today }))();
db.prepare("INSERT INTO settings (key, value) VALUES ('setup_done', '1')").run();
const { dispatch } = createApp(db, { today: () => today, version: 'bench', dbPath: file });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const ok = (method: string, args: unknown = {}): any => {
  const r = dispatch(method, args);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
};

// A CME panel with `items` cases, run in full.
const cme = ok('panels.list').find((p: { register: string }) => p.register === 'CME');
const meetingId = ok('meetings.create', { panelId: cme.id, date: today, time: '10:00', venue: 'Committee Room 2' }).id;
const open = ok('register.list').filter((r: { register: string; status: string }) => r.register === 'CME' && r.status !== 'closed');
for (const r of open.slice(0, items)) ok('agenda.addCase', { meetingId, reference: r.reference });
const officers = ok('officers.list').filter((o: { active: boolean }) => o.active);
const started = ok('meetings.start', { id: meetingId });
const caseItems = started.items.filter((i: { kind: string; removed: boolean }) => i.kind === 'case' && !i.removed);
caseItems.forEach((item: { id: number }, n: number) => {
  const it = ok('meetings.item', { itemId: item.id });
  const c = it.case;
  ok('items.record', {
    itemId: item.id,
    discussion: `${c.forenames} ${c.surname}: the lead officer reported the latest checks. The family has not replied to two letters; the last school has no forwarding details. Housing confirm the tenancy is still live.`,
    decisions: `Visit ${c.forenames} at home before the next panel; if not seen, refer to children's social care.`,
    outcome: 'continue',
  });
  ok('items.setRag', { itemId: item.id, rag: ['red', 'amber', 'green'][n % 3], reason: 'Reviewed at panel' });
  for (const a of c.openActions.slice(0, 1)) ok('items.reviewAction', { itemId: item.id, actionId: a.id, outcome: 'carried_forward', reason: 'Waiting for a reply', newDueDate: it.defaultDueDate });
  for (let k = 0; k < 2; k++) ok('items.createAction', { itemId: item.id, text: `Action ${k + 1} for ${c.reference}: visit and report back`, ownerId: officers[(n + k) % officers.length].id, dueDate: it.defaultDueDate });
});
ok('meetings.close', { id: meetingId });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const line = (name: string, times: number[], detail = '') =>
  console.log(`${name.padEnd(40)} median ${median(times).toFixed(0).padStart(6)} ms   (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})${detail ? `  ${detail}` : ''}`);

console.log(`${caseItems.length}-item CME panel on a demo register of 1,000 cases; ${runs} runs each`);
for (const [method, args] of [['minutes.get', { meetingId, variant: 'redacted' }], ['agendaPack.get', { meetingId, variant: 'redacted' }]] as const) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    ok(method, args);
    times.push(performance.now() - t);
  }
  line(`${method} (service, redacted)`, times);
}

const browser = await launchPdfBrowser();
try {
  const out = path.resolve('.cache/bench-documents.pdf');
  const docs: [DocumentKind, 'full' | 'redacted'][] = [['minutes', 'full'], ['minutes', 'redacted'], ['agenda', 'redacted']];
  for (const [kind, variant] of docs) {
    const times: number[] = [];
    let pages = 0;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const r = await writeDocumentPdf({ db, kind, id: meetingId, variant, out, browser, today });
      times.push(performance.now() - t);
      pages = r.pages;
    }
    line(`${kind} ${variant} PDF (host + print)`, times, `${pages} pages`);
  }
} finally {
  await browser.close();
  db.close();
}
