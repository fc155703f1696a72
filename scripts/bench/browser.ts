// Debian Chromium driven by playwright-core against the browser host, and the in-page clocks the
// browser rows read. Times are taken inside the page (performance.now), from the input event to
// the first paint after the rows changed, so the driver's own round trips don't count.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { RunningHost } from './host';

export const CHROMIUM = process.env.PANEL_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS, '--enable-precise-memory-info', '--lang=en-GB'] });
}

export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  // tsx (esbuild, keepNames) wraps named functions in __name(); the functions this bench runs in the page need it there.
  await context.addInitScript('window.__name = window.__name || ((f) => f);');
  return context;
}

/** A page of the app at `route` ("#/register"), with the host's token handed over as a person's first visit does. */
export async function openAt(context: BrowserContext, host: RunningHost, route: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${host.url}${route}&token=${host.token}`);
  return page;
}

/** The register's grid and its first data row: what "rows drawn" means, whatever API fills them. */
export const REGISTER_TABLE = '[role="table"][aria-label="Cases"]';
// The windowed register (issue 12a) draws placeholder rows (.reg-loading-row) until its window arrives: not rows drawn.
export const FIRST_ROW = `${REGISTER_TABLE} [role="row"][aria-rowindex="2"]:not(.reg-loading-row)`;

/**
 * Installs in the page: `__bench.armed(root, match)` starts watching `root` for DOM changes inside
 * (or adding) an element that matches `match`, and resolves with ms from the next input event
 * (keydown, click, input or change, captured first: a select fires input before change) to the first paint after the first such change.
 * A click is timed from the click itself, not the mousedown before it: nothing can act on a button
 * before it is released, and the driver's mousedown → mouseup gap is its own round trip, not the app's
 * (rAF, then a task: the frame has been presented).
 */
export async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    type Bench = { armed: (root: string, match: string, timeoutMs: number) => Promise<number>; domMs: number };
    const w = window as unknown as { __bench?: Bench };
    if (w.__bench) return;
    const afterPaint = () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve(performance.now());
          ch.port2.postMessage(0);
        }),
      );
    w.__bench = {
      domMs: Number.NaN,
      armed(root, match, timeoutMs) {
        w.__bench!.domMs = Number.NaN;
        return new Promise((resolve, reject) => {
          let t0: number | null = null;
          const onInput = (e: Event) => {
            if (t0 === null) t0 = e.timeStamp;
          };
          for (const type of ['keydown', 'click', 'input', 'change']) window.addEventListener(type, onInput, { capture: true });
          const target = document.querySelector(root) ?? document.body;
          const timer = setTimeout(() => finish(new Error(`nothing changed in ${match} within ${timeoutMs} ms`)), timeoutMs);
          // A change counts when it is inside a matching element, or adds or removes one.
          const within = (n: Node) => Boolean((n instanceof Element ? n : n.parentElement)?.closest(match));
          const holds = (n: Node) => n instanceof Element && (n.matches(match) || n.querySelector(match) !== null);
          const relevant = (r: MutationRecord) => within(r.target) || [...r.addedNodes, ...r.removedNodes].some(holds);
          const observer = new MutationObserver((records) => {
            if (t0 === null || !records.some(relevant)) return;
            observer.disconnect();
            // The app's own part: input → its rows changed in the DOM (what follows is Chromium's).
            w.__bench!.domMs = performance.now() - (t0 as number);
            void afterPaint().then((t1) => finish(null, t1 - (t0 as number)));
          });
          observer.observe(target, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class', 'aria-sort'] });
          function finish(err: Error | null, ms?: number) {
            clearTimeout(timer);
            observer.disconnect();
            for (const type of ['keydown', 'click', 'input', 'change']) window.removeEventListener(type, onInput, { capture: true });
            if (err) reject(err);
            else resolve(ms!);
          }
        });
      },
    };
  });
}

/** Of the last input timed: ms from the input to the app's rows changing in the DOM (before Chromium's style, layout and paint). */
export function lastDomMs(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __bench: { domMs: number } }).__bench.domMs);
}

/** Arms the probe, runs `act` (the input), and returns the page's measurement. */
export async function timeInput(page: Page, root: string, match: string, act: () => Promise<void>, timeoutMs = 20_000): Promise<number> {
  const armed = page.evaluate(
    ([r, m, ms]) => (window as unknown as { __bench: { armed: (r: string, m: string, t: number) => Promise<number> } }).__bench.armed(r, m, ms),
    [root, match, timeoutMs] as const,
  );
  // Let the observer attach before the input.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  await act();
  return armed;
}

/** The floors of the register rows: the same work on `n` plain rows in this page's JS, plus one frame. */
export function pageFloor(page: Page, kind: 'filter' | 'sort' | 'select', n: number): Promise<number> {
  return page.evaluate(
    async ([k, count]) => {
      const rows = Array.from({ length: count }, (_, i) => ({
        reference: `CME-2025-${String(i).padStart(5, '0')}`,
        name: `Forename${i % 997} Surname${(i * 7919) % 10007}`,
        register: i % 3 ? 'CME' : 'PMOE',
      }));
      const t0 = performance.now();
      let out: unknown[] = [];
      if (k === 'filter') out = rows.filter((r) => r.name.toLowerCase().includes('q') || r.reference.toLowerCase().includes('q'));
      else if (k === 'sort') out = [...rows].sort((a, b) => a.name.localeCompare(b.name));
      else out = rows.filter((r) => r.register === 'CME');
      (window as unknown as { __sink?: unknown }).__sink = out.length;
      await new Promise<void>((r) => requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => r();
        ch.port2.postMessage(0);
      }));
      return performance.now() - t0;
    },
    [kind, n] as const,
  );
}

/**
 * What Chromium alone needs to draw a changed screen of rows after a keystroke: each register row on
 * screen takes the next row's contents, changed as React changes them (a cell whose elements match
 * gets the new text in its text nodes; any other gets new nodes), in a keydown listener of its own
 * (the app never sees the key), timed like the app's rows from the event to the first paint after,
 * with no framework and no filtering; then put back exactly as it was by a second keystroke (the
 * second sample), so React's DOM is left untouched. Focus is moved off the search box for it.
 */
export async function redrawFloor(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    const afterPaint = () =>
      new Promise<number>((r) => requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => r(performance.now());
        ch.port2.postMessage(0);
      }));
    const box = document.querySelector('.reg-scroll')!.getBoundingClientRect();
    const rows = [...document.querySelectorAll('.reg-body-row:not(.reg-loading-row)')].filter((r) => {
      const b = r.getBoundingClientRect();
      return b.bottom > box.top && b.top < box.bottom;
    });
    const texts = (el: Element) => {
      const out: Text[] = [];
      const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) out.push(n as Text);
      return out;
    };
    const shape = (el: Element) => `${[...el.querySelectorAll('*')].map((e) => `${e.tagName}.${e.className}`).join('|')}#${texts(el).length}`;
    const cells = rows.map((r) => [...r.children].map((c) => ({ el: c, nodes: [...c.childNodes], texts: texts(c), values: texts(c).map((t) => t.data), shape: shape(c) })));
    const next = (i: number) => cells[(i + 1) % cells.length]!;
    const forward = () => cells.forEach((cs, i) => cs.forEach((c, j) => {
      const src = next(i)[j];
      if (!src) return;
      if (src.shape === c.shape) c.texts.forEach((t, k) => (t.data = src.values[k]!));
      else c.el.replaceChildren(...src.nodes.map((n) => n.cloneNode(true)));
    }));
    const back = () => cells.forEach((cs) => cs.forEach((c) => {
      if (c.el.firstChild !== c.nodes[0] || c.el.childNodes.length !== c.nodes.length) c.el.replaceChildren(...c.nodes);
      c.texts.forEach((t, k) => (t.data = c.values[k]!));
    }));
    const changes = [forward, back];
    const w = window as unknown as { __redraw: Promise<number>[] };
    w.__redraw = [];
    const onKey = (e: KeyboardEvent) => {
      e.stopImmediatePropagation();
      e.preventDefault();
      const change = changes.shift();
      if (!change) return;
      if (changes.length === 0) window.removeEventListener('keydown', onKey, { capture: true });
      const t0 = e.timeStamp;
      change();
      w.__redraw.push(afterPaint().then((t1) => t1 - t0));
    };
    window.addEventListener('keydown', onKey, { capture: true });
  });
  for (let i = 0; i < 2; i++) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    await page.keyboard.press('q');
    await page.waitForTimeout(50);
  }
  return page.evaluate(() => Promise.all((window as unknown as { __redraw: Promise<number>[] }).__redraw));
}

/** The page's JS heap in use, MB (Chromium's performance.memory with precise memory info). */
export function pageHeapMb(page: Page): Promise<number> {
  return page.evaluate(() => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? Number.NaN) / 1024 / 1024);
}

/**
 * Chromium's own floor for a real input: a keystroke in a text box, or a click on a button, on a
 * near-empty page whose listener changes one line of text, timed as the app's rows are (the event's
 * timestamp → the first paint after). The input comes through the same driver and pipeline as the
 * app's; no page can paint its answer sooner.
 */
export async function inputFloor(context: BrowserContext, kind: 'key' | 'click', samples: number): Promise<number[]> {
  const page = await context.newPage();
  try {
    await page.setContent(`<input aria-label="q"><button>Sort</button><p>x</p>`);
    await page.evaluate((type) => {
      const w = window as unknown as { __floor: Promise<number>[] };
      w.__floor = [];
      const line = document.querySelector('p')!;
      window.addEventListener(type, (e) => {
        const t0 = e.timeStamp;
        line.textContent = String(w.__floor.length);
        w.__floor.push(new Promise<number>((r) => requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => r(performance.now() - t0);
          ch.port2.postMessage(0);
        })));
      }, { capture: true });
    }, kind === 'key' ? 'keydown' : 'click');
    if (kind === 'key') await page.focus('input');
    // One more than asked: the first input of a page warms its pipeline and is dropped.
    for (let i = 0; i <= samples; i++) {
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      if (kind === 'key') await page.keyboard.press(i % 2 === 0 ? 'q' : 'Backspace');
      else await page.click('button');
      await page.waitForTimeout(30);
    }
    return (await page.evaluate(() => Promise.all((window as unknown as { __floor: Promise<number>[] }).__floor))).slice(1);
  } finally {
    await page.close();
  }
}
