/**
 * Where the register screen's rows come from (issue 12), free of React so its rules are tested in
 * plain Node:
 * - Opening: the host serves the first window of the view (register.page, RegisterWindowController),
 *   so the rows are drawn in well under a second whatever the register's size.
 * - Then the page loads the working set, every open case packed column-wise (register.workingSet),
 *   and answers every view of the open cases from it synchronously (RegisterWorkingSet: the same
 *   filter, search and sort functions as the host, over rows in the same order). Its search text
 *   and sort keys are built in idle slices. Closed and all cases stay served a window at a time.
 * - Never wrong: a write (the invalidation bus) or a new day drops the working set at once. The
 *   view falls back to server windows; until the first window of the new data arrives, the rows
 *   shown before are kept but marked busy (stale), as when typing against the server. A fresh
 *   working set is then loaded.
 * - A write in another window reaches this one by the push channel: the host announces the
 *   register's new version (`announce`) and the page asks for it at once, keeping its rows on screen
 *   marked "Updating…" until the reply. A version it already holds (its own write, reloaded through
 *   the bus) asks nothing. On focus, and every REVALIDATE_MS while the channel is down
 *   (REVALIDATE_LIVE_MS while it is up, in case a push was missed), `revalidate` asks whether the
 *   rows are current: the host answers `unchanged` cheaply, or with the new working set.
 */
import type { RegisterRow } from '../../../shared/api/schemas';
import { COLUMN_IDS } from '../../../shared/register/query';
import { unpackRows, type PackedRows } from '../../../shared/register/wire';
import { RegisterWorkingSet, openScopeCovers, type WorkingSetQuery } from '../../../shared/register/workingSet';
import { RegisterWindowController, type PageReply } from './registerWindowController';

/** How often an open register asks whether another window changed it, while the push channel is down. */
export const REVALIDATE_MS = 15_000;
/** The same safety check while the push channel is up (a push is not acknowledged, so one could be missed). */
export const REVALIDATE_LIVE_MS = 60_000;
/** Rows given their search text per idle slice (about a millisecond's work). */
export const INDEX_SLICE = 1_000;

export type WorkingSetReply<S> =
  | { unchanged: true; version: string; today: string }
  | { unchanged: false; version: string; today: string; summary: S; rows: PackedRows };

export interface RowsDeps<S> {
  fetchPage: (query: WorkingSetQuery, offset: number, limit: number) => Promise<PageReply<S>>;
  fetchWorkingSet: (ifNot: string | null) => Promise<WorkingSetReply<S>>;
  onChange: () => void;
  /** Runs `step` when the page is idle, again and again until it returns true. */
  idle: (step: () => boolean) => void;
}

interface Held<S> {
  ws: RegisterWorkingSet;
  version: string;
  today: string;
  summary: S;
}

/** A view answered from the working set. */
export interface LocalView<S> {
  key: string;
  rows: readonly RegisterRow[];
  order: readonly number[];
  summary: S;
}

export type RowsMode = 'local' | 'server';

export class RegisterRowsController<S> {
  readonly windows: RegisterWindowController<WorkingSetQuery, S>;
  private held: Held<S> | null = null;
  /** Bumped by every drop: a working set asked for before it is not installed. */
  private generation = 0;
  private loading = false;
  private key = '';
  private query: WorkingSetQuery | null = null;
  private today: string | null = null;
  private memo: { key: string; held: Held<S>; view: LocalView<S> } | null = null;
  /** The local view shown when the working set was dropped: kept, marked stale, until the server's window comes. */
  private previous: LocalView<S> | null = null;
  /** Where the rows last shown came from: decides what stays on screen while a window is on its way. */
  private lastShown: RowsMode = 'server';
  private disposed = false;
  /** The newest version the host announced, and whether a check for it is on its way (the rows show "Updating…"). */
  private announced: string | null = null;
  private checkingFor: Held<S> | null = null;
  /** One revalidation at a time; one asked for meanwhile runs when it returns if the reply did not answer it. */
  private revalidating = false;
  private again = false;

  constructor(private readonly deps: RowsDeps<S>) {
    this.windows = new RegisterWindowController<WorkingSetQuery, S>(deps.fetchPage, () => {
      // The first window is drawn: now load the working set behind it.
      if (this.windows.state && !this.windows.stale) {
        this.previous = null;
        this.lastShown = 'server';
        this.loadWorkingSet();
      }
      deps.onChange();
    });
  }

  /** The view answered from the working set, or null (no working set yet, or closed/all cases). Pure: safe during render. */
  localView(key: string, query: WorkingSetQuery): LocalView<S> | null {
    const held = this.held;
    if (!held || !openScopeCovers(query.status)) return null;
    this.lastShown = 'local';
    if (this.memo && this.memo.key === key && this.memo.held === held) return this.memo.view;
    const view = { key, rows: held.ws.rows, order: held.ws.order(query), summary: held.summary };
    this.memo = { key, held, view };
    return view;
  }

  get mode(): RowsMode {
    return this.query && this.localView(this.key, this.query) ? 'local' : 'server';
  }

  /** The view on screen; asks the server for its first window when the working set cannot answer it. */
  setView(key: string, query: WorkingSetQuery): void {
    this.key = key;
    this.query = query;
    if (!this.localView(key, query)) this.windows.setView(key, query);
  }

  /** The host's today as the page knows it: a new day drops the working set (the clocks have moved). */
  setToday(today: string): void {
    const changed = this.today !== null && this.today !== today;
    this.today = today;
    if (changed || (this.held && this.held.today !== today)) this.invalidate();
  }

  /**
   * The rows to keep on screen (marked stale) while the server's first window of the current view
   * is on its way, when the screen last showed a local view: that view (or, after a write, the one
   * shown before it) — not an older server window the officer saw long before.
   */
  get previousView(): LocalView<S> | null {
    if (this.previous) return this.previous;
    return this.lastShown === 'local' && this.memo ? this.memo.view : null;
  }

  /** A write: drop the working set, fall back to server windows, and load a new working set. */
  invalidate(): void {
    this.generation++;
    const shown = this.memo && this.memo.held === this.held && this.memo.key === this.key ? this.memo.view : null;
    if (this.held) {
      this.previous = shown;
      this.held = null;
      this.memo = null;
    }
    this.loading = false;
    if (this.query !== null) {
      if (this.windows.viewKey === this.key) this.windows.reload();
      else this.windows.setView(this.key, this.query);
    }
    this.deps.onChange();
  }

  /** True while the rows shown are being checked against a version the host announced. */
  get checking(): boolean {
    return this.checkingFor !== null && this.checkingFor === this.held;
  }

  /**
   * The host announced the register's version after a write. Held already (this window's own
   * write, reloaded): nothing. Otherwise the rows shown are out of date: mark them and ask. While
   * the working set is loading the version is remembered and compared once it is in.
   */
  announce(version: string): void {
    this.announced = version;
    const held = this.held;
    if (!held || held.version === version) return;
    this.checkingFor = held;
    this.deps.onChange();
    this.revalidate();
  }

  /** Asks the host whether the working set is still current (another window may have written). */
  revalidate(): void {
    const held = this.held;
    if (!held || this.loading) return;
    if (this.revalidating) {
      this.again = true;
      return;
    }
    this.revalidating = true;
    const gen = this.generation;
    const settle = () => {
      this.revalidating = false;
      const wasChecking = this.checkingFor !== null;
      this.checkingFor = null;
      if (this.disposed) return;
      // Asked again meanwhile: only a version announced since that the reply did not bring needs
      // another request (a focus check is answered by the reply that just came).
      if (this.again) {
        this.again = false;
        if (this.held && this.announced !== null && this.held.version !== this.announced) {
          this.checkingFor = this.held;
          this.revalidate();
        }
      }
      if (wasChecking || this.checkingFor) this.deps.onChange();
    };
    this.deps.fetchWorkingSet(held.version).then(
      (r) => {
        if (!this.disposed && gen === this.generation && this.held === held && !r.unchanged) this.install(r);
        settle();
      },
      settle, // the next revalidation tries again; the windows are unaffected
    );
  }

  dispose(): void {
    this.disposed = true;
    this.windows.dispose();
  }

  private loadWorkingSet(): void {
    if (this.held || this.loading) return;
    this.loading = true;
    const gen = this.generation;
    this.deps.fetchWorkingSet(null).then(
      (r) => {
        if (this.disposed || gen !== this.generation) return;
        this.loading = false;
        if (!r.unchanged) this.install(r);
        // A version announced while it loaded that it does not hold: ask again (cheap if the same data).
        const held = this.held;
        if (held && this.announced !== null && held.version !== this.announced) this.announce(this.announced);
      },
      () => {
        if (gen === this.generation) this.loading = false; // stays on server windows; the next drop or window retries
      },
    );
  }

  private install(r: Extract<WorkingSetReply<S>, { unchanged: false }>): void {
    const ws = new RegisterWorkingSet(unpackRows(r.rows));
    const held: Held<S> = { ws, version: r.version, today: r.today, summary: r.summary };
    this.held = held;
    this.memo = null;
    this.previous = null;
    // Search text first, then every column's sort keys, a slice at a time while the page is idle.
    let column = 0;
    this.deps.idle(() => {
      if (this.held !== held) return true;
      if (!ws.indexReady) return ws.indexSome(INDEX_SLICE) && column >= COLUMN_IDS.length;
      if (column < COLUMN_IDS.length) ws.prepareSort(COLUMN_IDS[column++]!);
      return column >= COLUMN_IDS.length;
    });
    this.deps.onChange();
  }
}
