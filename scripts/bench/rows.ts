// The rows of the table, each measured with its floor in the same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { applyKey } from '../../db/encryption';
import * as K from '../../db/keyring';
import { documentTemplates, DOCUMENT_MARGIN } from '../../electron/server/documentTemplates';
import { BENCH_TODAY, BENCH_USER, signInInProcess, type BenchRegister } from './registers';
import { callHost, nodeListeningMs, startHost, type RunningHost } from './host';
import { FIRST_ROW, REGISTER_TABLE, inputFloor, installProbe, lastDomMs, newContext, openAt, pageFloor, pageHeapMb, redrawFloor, timeInput } from './browser';
import { collect, formatBytes, formatMs, summarize, type BenchRow, type BenchOptions } from './stats';

type Sampling = Pick<BenchOptions, 'samples' | 'budgetS'>;
const ms = (t: number) => performance.now() - t;

/**
 * Build agenda and Home, in this process through the real dispatcher (no transport in the way), on
 * the encrypted register opened as the hosts open it: createSessionHost and session.signIn.
 */
export async function serviceRows(reg: BenchRegister, s: Sampling, log: (l: string) => void): Promise<BenchRow[]> {
  // A throwaway copy: each agenda sample commits, as the app does (the commit is part of what the user
  // waits for), and Home is timed after a write; the cached register stays as built.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panel-bench-'));
  const file = path.join(dir, path.basename(reg.file));
  fs.copyFileSync(reg.file, file);
  fs.copyFileSync(K.keyringPath(reg.file), K.keyringPath(file));
  const session = signInInProcess(file, () => BENCH_TODAY);
  const db = session.db()!;
  const { dispatch } = session;
  const ok = (method: string, args: unknown) => {
    const r = dispatch(method, args);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as { id: number };
  };
  const rows: BenchRow[] = [];
  try {
    const cme = (ok('panels.list', {}) as unknown as { id: number; register: string }[]).find((p) => p.register === 'CME')!;
    // Each sample proposes the agenda of a new meeting (made untimed) and commits it, on the copy.
    log('  build agenda');
    let day = 0;
    const agenda = await collect(() => {
      const date = new Date(Date.UTC(2027, 5, 9 + day++)).toISOString().slice(0, 10);
      const { id } = ok('meetings.create', { panelId: cme.id, date, time: '10:00', venue: 'Bench room' });
      const t = performance.now();
      ok('meetings.buildAgenda', { id });
      return ms(t);
    }, s);
    const openCases = db.prepare("SELECT * FROM cases WHERE status != 'closed'");
    const select = await collect(() => {
      const t = performance.now();
      openCases.all();
      return ms(t);
    }, s);
    const target = reg.cases <= 10_000 ? 50 : 200;
    const agendaSummary = summarize(agenda);
    rows.push({
      measure: 'build agenda',
      cases: reg.cases,
      summary: agendaSummary,
      floor: summarize(select),
      floorLabel: 'one SELECT of the open cases',
      target: '≤ 50 ms at 10k, ≤ 200 ms at 50k',
      met: agendaSummary.median <= target,
    });

    // Home asks for its figures (dashboard.get) and its clocks run out (alerts.home), both kept until
    // the register changes: the row times the two worked out again after a write (as the first visit
    // after any change is), and notes a revisit with nothing changed.
    log('  Home (dashboard.get + alerts.home)');
    const touch = db.prepare("UPDATE settings SET value = value WHERE key = 'setup_done'");
    const homeCalls = () => {
      ok('dashboard.get', {});
      ok('alerts.home', {});
    };
    const home = summarize(await collect(() => {
      touch.run();
      const t = performance.now();
      homeCalls();
      return ms(t);
    }, { ...s }));
    const revisit = summarize(await collect(() => {
      const t = performance.now();
      homeCalls();
      return ms(t);
    }, { ...s }));
    rows.push({
      measure: 'Home (dashboard.get + alerts.home)', cases: reg.cases, summary: home, floor: null, target: '≤ 100 ms', met: home.median <= 100,
      detail: `after a write; a revisit with nothing changed ${formatMs(revisit.median)}`,
    });
  } finally {
    session.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/**
 * Sign in → register open: session.signIn on the locked host's API (one scrypt to unwrap the key,
 * opening the encrypted file, the migrations check, composing the app, the audit row; quick_check
 * of the whole file only for a register up to 4 MB, a larger one's runs in a worker afterwards),
 * signed out again between samples. Floor: this process opening the same file with its key and
 * running SELECT 1, alternated sample by sample. Leaves the host signed in, and notes how long the
 * background check then takes to report.
 */
export async function signInRow(reg: BenchRegister, host: RunningHost, s: Sampling): Promise<BenchRow> {
  const kr = K.readKeyring(K.keyringPath(reg.file));
  const entry = kr && K.findUser(kr, BENCH_USER.name);
  if (!kr || !entry) throw new Error(`no keyring entry for ${BENCH_USER.name} beside ${reg.file}`);
  const scrypt: number[] = [];
  const unwrap = () => {
    const t = performance.now();
    const key = K.unwrapKey(kr, K.userLabel(entry.userId), BENCH_USER.password, entry.wrapped);
    scrypt.push(ms(t));
    if (!key) throw new Error('the bench password does not unwrap the register key');
    return key;
  };
  const key = unwrap();
  const floor: number[] = [];
  const openWithKey = () => {
    const t = performance.now();
    const db = new Database(reg.file, { readonly: true });
    try {
      applyKey(db, key);
      db.prepare('SELECT 1').get();
    } finally {
      db.close();
    }
    return ms(t);
  };
  // Once, for the table's note: SQLite's quick_check of the encrypted file alone, which opening runs first.
  const quickCheck = (() => {
    const db = new Database(reg.file, { readonly: true });
    try {
      applyKey(db, key);
      const t = performance.now();
      db.pragma('quick_check(5)');
      return ms(t);
    } finally {
      db.close();
    }
  })();
  await callHost(host, 'session.signOut');
  const signIns = await collect(async () => {
    floor.push(openWithKey());
    unwrap();
    const t = performance.now();
    await callHost(host, 'session.signIn', BENCH_USER);
    const took = ms(t);
    await callHost(host, 'session.signOut');
    return took;
  }, s);
  key.fill(0);
  const signedIn = performance.now();
  await callHost(host, 'session.signIn', BENCH_USER);
  // The file's check after sign-in (issue 12): how long until the host reports its result.
  let check = await callHost<{ status: string }>(host, 'integrity.verify', { atOpen: true });
  while (check.status === 'checking') {
    await new Promise((r) => setTimeout(r, 100));
    check = await callHost<{ status: string }>(host, 'integrity.verify', { atOpen: true });
  }
  const checkReported = ms(signedIn);
  if (check.status !== 'intact') throw new Error(`the bench register's file check says ${check.status}`);
  const summary = summarize(signIns);
  const inMs = (t: number) => (t < 1000 ? `${t.toFixed(0)} ms` : `${(t / 1000).toFixed(2)} s`);
  return {
    measure: 'sign in → register open',
    cases: reg.cases,
    summary,
    floor: summarize(floor),
    floorLabel: 'opening the file with its key + SELECT 1',
    // Both timed in the bench's process, beside the host's: what the sign-in spent its time on before
    // the file's check moved after it; then the host's own check, reported after sign-in.
    detail: `scrypt alone ${inMs(summarize(scrypt).median)}, quick_check alone ${inMs(quickCheck)} (once); file check reported ${inMs(checkReported)} after signing in`,
    target: '—',
  };
}

/**
 * Browser host start (locked: no register opened until sign-in), spawn → PANEL_READY of the bundled
 * host (dist/host/main.mjs, what npm start and start:browser run), beside a plain Node process
 * listening, alternated. The services load after PANEL_READY: the time to the first API answer is
 * noted beside it.
 */
export async function hostStartRow(reg: BenchRegister, s: Sampling): Promise<BenchRow> {
  const floor: number[] = [];
  const answers: number[] = [];
  const starts = await collect(async () => {
    floor.push(await nodeListeningMs());
    const host = await startHost(reg.file);
    await host.stop();
    answers.push(host.firstAnswerMs);
    return host.startMs;
  }, s);
  const summary = summarize(starts);
  const first = summarize(answers);
  return {
    measure: 'browser host start',
    cases: reg.cases,
    summary,
    floor: summarize(floor),
    floorLabel: 'node listening',
    detail: `first API answer ${formatMs(first.median)} / ${formatMs(first.p95)}`,
    target: '≤ 300 ms',
    met: summary.median <= 300,
  };
}

/** The register page once it answers views from its working set (issue 12: loaded after the first window is drawn). */
const WORKING_SET_READY = '.reg-page[data-rows="local"]';

/**
 * Opens the register: navigation start → first row painted, measured in the page; the JSON the host
 * sent for it (every API reply but the working set), and then, separately, the working set's
 * bytes, sent after the rows are drawn (waited for, so the page is as an officer then has it).
 */
async function openRegister(browser: Browser, host: RunningHost): Promise<{ page: Page; ms: number; jsonBytes: number; workingSetBytes: number; workingSetMs: number }> {
  const context = await newContext(browser);
  const page = await openAt(context, host, '#/register');
  let jsonBytes = 0;
  let workingSetBytes = 0;
  const pending: Promise<void>[] = [];
  page.on('response', (r) => {
    // Bytes on the wire as Chromium counted them (reading a 30 MB body back through the driver is unreliable).
    if (!r.url().includes('/api/')) return;
    const later = r.url().includes('/api/register.workingSet');
    pending.push(r.request().sizes().then((z) => void (later ? (workingSetBytes += z.responseBodySize) : (jsonBytes += z.responseBodySize)), () => undefined));
  });
  await page.reload();
  await page.waitForSelector(FIRST_ROW, { timeout: 300_000 });
  const t = await page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve(performance.now());
          ch.port2.postMessage(0);
        }),
      ),
  );
  await page.waitForSelector(WORKING_SET_READY, { state: 'attached', timeout: 300_000 });
  const ready = await page.evaluate(() => performance.now());
  await Promise.all(pending);
  return { page, ms: t, jsonBytes, workingSetBytes, workingSetMs: ready - t };
}

export async function browserRows(reg: BenchRegister, host: RunningHost, browser: Browser, s: Sampling, log: (l: string) => void): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const n = reg.cases;

  log('  open the register');
  let bytes = 0;
  let setBytes = 0;
  const setTimes: number[] = [];
  const opens = await collect(async () => {
    const o = await openRegister(browser, host);
    bytes = o.jsonBytes;
    setBytes = o.workingSetBytes;
    setTimes.push(o.workingSetMs);
    await o.page.context().close();
    return o.ms;
  }, { ...s, warmup: 1 });
  const setReady = summarize(setTimes);
  const open = summarize(opens);
  rows.push({
    measure: 'open the register (navigation → rows drawn)',
    cases: n,
    summary: open,
    floor: null,
    detail: `${formatBytes(bytes)} of JSON sent before the rows were drawn; then the working set (open cases, packed): ${formatBytes(setBytes)}, held ${setReady.median.toFixed(0)} ms (median) after the rows were drawn`,
    target: '≤ 1.0 s, ≤ 1 MB sent',
    met: open.median <= 1000 && bytes <= 1024 * 1024,
  });

  // The register stays open for the memory, keystroke, sort and filter rows.
  const { page } = await openRegister(browser, host);
  try {
    // Let the idle slices finish the working set's search text and sort keys: the heap as it stays.
    await page.waitForTimeout(1500);
    const heap = await pageHeapMb(page);
    const rss = host.rssMb();
    rows.push({
      measure: 'memory with the register open (working set held)',
      cases: n,
      summary: null,
      value: `host ${rss.toFixed(0)} MB + page ${heap.toFixed(0)} MB heap = ${(rss + heap).toFixed(0)} MB`,
      floor: null,
      target: '≤ 300 MB together',
      met: rss + heap <= 300,
    });

    await installProbe(page);
    const root = 'main';
    let missed = 0;
    let why = '';
    const measured = (p: Promise<number>) =>
      p.catch((err: unknown) => {
        missed += 1;
        why ||= (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 120);
        return Number.NaN; // dropped by summarize, counted in the row
      });
    const missedNote = () => {
      const note = missed ? `${missed} sample(s) saw no change and were dropped (${why})` : undefined;
      if (note) log(`    ${note}`);
      why = '';
      return note;
    };
    // Rows changing, the "no cases match" card in their place, or the count of rows shown (drawn in
    // the same commit as the rows): a filter can leave the rows on screen as they were (sorted by
    // reference descending, PMOE's come first either way) while the count changes.
    const match = `${REGISTER_TABLE} [role="rowgroup"]:last-of-type, .reg-empty, .reg-counts`;

    log('  keystroke in search');
    const search = page.getByLabel('Search the register');
    await search.focus();
    missed = 0;
    // Each sample also keeps the app's own part of it: input → its rows changed in the DOM.
    const parts = (doms: number[]) => async (p: Promise<number>) => {
      const total = await measured(p);
      doms.push(Number.isFinite(total) ? await lastDomMs(page) : Number.NaN);
      return total;
    };
    /** "label median / p95" of some samples, for a row's note. */
    const spread = (label: string, x: number[]) => {
      const d = summarize(x);
      return `${label} ${formatMs(d.median)} / ${formatMs(d.p95)}`;
    };
    const appPart = (doms: number[]) => `${spread("of which the app's JavaScript (input → rows changed in the DOM)", doms)}, the rest Chromium's style, layout and paint`;
    // The two inputs timed, on whatever columns are shown (a locator finds its element afresh each time).
    const header = page.locator(`${REGISTER_TABLE} [role="columnheader"] button`).first();
    const keystroke = (i: number) => page.keyboard.press(i % 2 === 0 ? 'q' : 'Backspace');
    const sortClick = () => header.click();
    const sample = (act: (i: number) => Promise<void>, doms: number[]) => (i: number) => parts(doms)(timeInput(page, root, match, () => act(i), 5_000));
    const keyDoms: number[] = [];
    const keys = await collect(sample(keystroke, keyDoms), s);
    const keyNote = missedNote();
    await search.fill('');
    const floorFilter = await collect(() => pageFloor(page, 'filter', n), s);
    const keySummary = summarize(keys);
    // The same screen of rows changed by Chromium alone, beside the app's: what drawing them costs here.
    const redraw = async () => {
      const out: number[] = [];
      while (out.length < s.samples) out.push(...(await redrawFloor(page)));
      return spread('Chromium alone drawing a changed screen of rows', out.slice(0, s.samples));
    };
    const keyRedraw = await redraw();
    // The floor is Chromium's own for the same input on a near-empty page; the first floor
    // (the page's JS filtering n plain rows, then a frame not started by an input) stays in the note.
    const keyFloor = await inputFloor(page.context(), 'key', s.samples);
    await page.bringToFront();
    const keyRow: BenchRow = { measure: 'keystroke in register search → rows drawn', cases: n, summary: keySummary, floor: summarize(keyFloor), floorLabel: 'a keystroke → paint on a near-empty page', target: 'p95 ≤ 16 ms', met: keySummary.p95 <= 16, detail: [appPart(keyDoms), spread('a keystroke → paint on a near-empty page (the floor)', keyFloor), keyRedraw, spread('JS filter of n plain rows + a frame', floorFilter), keyNote].filter(Boolean).join('; ') };
    rows.push(keyRow);
    await page.waitForTimeout(500);

    log('  sort click');
    missed = 0;
    const sortDoms: number[] = [];
    const sorts = await collect(sample(sortClick, sortDoms), s);
    const sortNote = missedNote();
    const floorSort = await collect(() => pageFloor(page, 'sort', n), s);
    const sortSummary = summarize(sorts);
    const sortRedraw = await redraw();
    const clickFloor = await inputFloor(page.context(), 'click', s.samples);
    await page.bringToFront();
    const sortRow: BenchRow = { measure: 'sort click → rows drawn', cases: n, summary: sortSummary, floor: summarize(clickFloor), floorLabel: 'a click → paint on a near-empty page', target: 'p95 ≤ 16 ms', met: sortSummary.p95 <= 16, detail: [appPart(sortDoms), spread('a click → paint on a near-empty page (the floor)', clickFloor), sortRedraw, spread('JS sort of n plain rows + a frame', floorSort), sortNote].filter(Boolean).join('; ') };
    rows.push(sortRow);

    log('  filter select');
    // Between what it shows now and PMOE only: the rows on screen change either way, whatever the sort.
    const select = page.getByLabel('Register', { exact: true });
    const options = await select.locator('option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' })));
    const original = await select.inputValue();
    const pmoe = options.find((o) => /PMOE/.test(o.label) && o.value !== original)?.value ?? options.find((o) => o.value !== original)!.value;
    missed = 0;
    const filters = await collect((i) => measured(timeInput(page, root, match, async () => void (await select.selectOption(i % 2 === 0 ? pmoe : original)), 5_000)), s);
    const filterNote = missedNote();
    const floorSelect = await collect(() => pageFloor(page, 'select', n), s);
    const filterSummary = summarize(filters);
    rows.push({ measure: 'filter select → rows drawn', cases: n, summary: filterSummary, floor: summarize(floorSelect), floorLabel: 'JS filter + frame', target: 'p95 ≤ 16 ms', met: filterSummary.p95 <= 16, detail: filterNote });

    // The same keystroke and sort with only the Reference and Child columns shown (the fewest the
    // column menu allows but one): how far fewer cells on screen would take the two rows above.
    log('  keystroke and sort, two columns');
    await showOnlyColumns(page, ['Reference', 'Child']);
    await search.focus();
    missed = 0;
    const fewKeys = summarize(await collect(sample(keystroke, []), s));
    const fewKeyNote = missedNote();
    await search.fill('');
    await page.waitForTimeout(500);
    missed = 0;
    const fewSorts = summarize(await collect(sample(sortClick, []), s));
    const fewSortNote = missedNote();
    const twoColumns = (x: typeof fewKeys, note?: string) => [`with only Reference and Child shown ${formatMs(x.median)} / ${formatMs(x.p95)}`, note].filter(Boolean).join(', ');
    keyRow.detail = `${keyRow.detail}; ${twoColumns(fewKeys, fewKeyNote)}`;
    sortRow.detail = `${sortRow.detail}; ${twoColumns(fewSorts, fewSortNote)}`;
  } finally {
    await page.context().close();
  }

  log('  cockpit → projector');
  rows.push(await projectorRow(reg, host, browser, s));
  return rows;
}

/**
 * Shows only `columns` in the register, as an officer does: the Columns menu, unticking the rest.
 * Then waits as openRegister does for the view to settle.
 */
async function showOnlyColumns(page: Page, columns: readonly string[]): Promise<void> {
  const menu = page.locator('.reg-colmenu > button');
  await menu.click();
  const group = page.getByRole('group', { name: 'Columns to show' });
  for (const box of await group.getByRole('checkbox').all()) {
    const label = ((await box.evaluate((el) => el.closest('label')?.textContent ?? '')) as string).trim();
    const want = columns.includes(label);
    if ((await box.isChecked()) !== want && (await box.isEnabled())) await box.setChecked(want);
  }
  await menu.click();
  const shown = await page.locator(`${REGISTER_TABLE} [role="columnheader"]`).count();
  if (shown !== columns.length) throw new Error(`the register shows ${shown} columns, not the ${columns.length} asked for`);
  await page.waitForTimeout(1500);
}

/** B in the cockpit (blank the room's screen) → the projector painted it; floor: a BroadcastChannel message between the same two pages. */
async function projectorRow(reg: BenchRegister, host: RunningHost, browser: Browser, s: Sampling): Promise<BenchRow> {
  const context = await newContext(browser);
  try {
    const cockpit = await openAt(context, host, `#/cockpit/${reg.liveMeetingId}`);
    const projector = await openAt(context, host, `#/projector/${reg.liveMeetingId}`);
    await cockpit.waitForSelector('.ck-strip');
    await projector.waitForSelector('.pj-root:not(:has(.pj-waiting))', { timeout: 60_000 }).catch(() => projector.waitForSelector('.pj-root'));
    // Let both windows settle (the push channel opens, the first poll answers).
    await projector.waitForTimeout(1000);
    await cockpit.locator('.ck-strip').click({ position: { x: 5, y: 5 } });

    // Wall-clock times in each page (timeOrigin + now), comparable across pages of one browser.
    // The projector's clocks tick every second, so the change waited for is the blank state itself flipping.
    const nextFlip = () =>
      projector.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const blank = () => document.querySelector('.pj-blank') !== null;
            const was = blank();
            const timer = setTimeout(() => {
              observer.disconnect();
              reject(new Error('the projector did not change within 20 s'));
            }, 20_000);
            const observer = new MutationObserver(() => {
              if (blank() === was) return;
              observer.disconnect();
              clearTimeout(timer);
              requestAnimationFrame(() => {
                const ch = new MessageChannel();
                ch.port1.onmessage = () => resolve(performance.timeOrigin + performance.now());
                ch.port2.postMessage(0);
              });
            });
            observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
          }),
      );
    const pressed = () =>
      cockpit.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            setTimeout(() => reject(new Error('no keydown in the cockpit within 20 s')), 20_000);
            window.addEventListener('keydown', (e) => resolve(performance.timeOrigin + e.timeStamp), { capture: true, once: true });
          }),
      );
    let missed = 0;
    const samples = await collect(async () => {
      const shown = nextFlip();
      const sent = pressed();
      await cockpit.waitForTimeout(20); // both listeners in place
      await cockpit.keyboard.press('b');
      try {
        const [t0, t1] = await Promise.all([sent, shown]);
        return t1 - t0;
      } catch {
        missed += 1;
        await Promise.allSettled([sent, shown]);
        return Number.NaN; // dropped by summarize, counted in the row
      } finally {
        await projector.waitForTimeout(150); // the next sample starts from a quiet screen
      }
    }, s);
    // Leave the screen as it was.
    if (samples.length % 2 === 1) await cockpit.keyboard.press('b');

    // Both ends stay open for the whole floor (a channel closed right after posting may drop its message).
    for (const p of [projector, cockpit]) await p.evaluate(() => void ((window as unknown as { __bc: BroadcastChannel }).__bc = new BroadcastChannel('panel-bench')));
    const floor = await collect(async () => {
      const heard = projector.evaluate(
        () =>
          new Promise<number>((resolve) => {
            setTimeout(() => resolve(Number.NaN), 5_000);
            (window as unknown as { __bc: BroadcastChannel }).__bc.onmessage = () => resolve(performance.timeOrigin + performance.now());
          }),
      );
      await projector.waitForTimeout(20);
      const sent = await cockpit.evaluate(() => {
        const t = performance.timeOrigin + performance.now();
        (window as unknown as { __bc: BroadcastChannel }).__bc.postMessage('change');
        return t;
      });
      return (await heard) - sent;
    }, s);
    const summary = summarize(samples);
    return {
      measure: 'cockpit change → projector shows it',
      cases: reg.cases,
      summary,
      floor: summarize(floor),
      floorLabel: 'BroadcastChannel',
      target: 'p95 ≤ 100 ms',
      met: summary.p95 <= 100,
      detail: missed ? `${missed} sample(s) saw no change and were dropped` : undefined,
    };
  } finally {
    await context.close();
  }
}

/** Save as PDF of the 60-item minutes through the host (warm: its first PDF launches Chromium, untimed); floor: the same HTML, static, printed by Chromium. */
export async function pdfRow(reg: BenchRegister, host: RunningHost, browser: Browser, s: Sampling): Promise<BenchRow> {
  const request = { kind: 'minutes', id: reg.minutesMeetingId, variant: 'full' };
  let bytes = 0;
  const print = async () => {
    const t = performance.now();
    const res = await fetch(`${host.url}pdf`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    if (!res.ok) throw new Error(`POST /pdf: HTTP ${res.status} ${await res.text()}`);
    bytes = (await res.arrayBuffer()).byteLength;
    return ms(t);
  };

  // The floor: the document as it was laid out, styles inlined and scripts removed, printed the same way.
  const context = await newContext(browser);
  try {
    const page = await openAt(context, host, `#/print/minutes/${reg.minutesMeetingId}/full`);
    await page.waitForSelector('[data-ready="true"]', { timeout: 120_000 });
    const html = await page.evaluate(() => {
      document.querySelectorAll('style[data-running-marking]').forEach((el) => el.remove());
      const css = [...document.styleSheets].map((sheet) => [...sheet.cssRules].map((r) => r.cssText).join('\n')).join('\n');
      const body = document.body.cloneNode(true) as HTMLElement;
      body.querySelectorAll('script').forEach((el) => el.remove());
      return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><style>${css}</style></head><body>${body.innerHTML}</body></html>`;
    });
    const title = await page.title();
    const printPage = await context.newPage();
    await printPage.emulateMedia({ media: 'print' });
    const { header, footer } = documentTemplates({ marking: 'OFFICIAL-SENSITIVE', title, variant: 'Full minutes' });
    const staticPrint = async () => {
      const t = performance.now();
      await printPage.setContent(html, { waitUntil: 'load' });
      await printPage.pdf({ format: 'A4', printBackground: true, displayHeaderFooter: true, headerTemplate: header, footerTemplate: footer, margin: DOCUMENT_MARGIN });
      return ms(t);
    };
    // Warm both (the host's first PDF launches its Chromium), then alternate so both see the same machine.
    await print();
    await staticPrint();
    const floor: number[] = [];
    const prints = await collect(async () => {
      floor.push(await staticPrint());
      return print();
    }, s);
    const summary = summarize(prints);
    return {
      measure: 'minutes PDF, 60 items, warm',
      cases: reg.cases,
      summary,
      floor: summarize(floor),
      floorLabel: 'Chromium printing the same static HTML',
      detail: formatBytes(bytes),
      target: '≤ 1.0 s',
      met: summary.median <= 1000,
    };
  } finally {
    await context.close();
  }
}
