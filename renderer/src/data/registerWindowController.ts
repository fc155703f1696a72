/**
 * The state machine behind useRegisterWindow, free of React so its rules are tested in plain Node:
 * - a view's first page is asked for as soon as the view changes; the earlier view's rows stay
 *   until it arrives (typing never blanks the list);
 * - a reply for a view that is no longer current is dropped;
 * - a page already here or on its way is not asked for again;
 * - reload asks for the first page again and forgets the other pages (they are asked for as the
 *   list shows them).
 */
import type { RegisterRow } from '../../../shared/api/schemas';

export const REGISTER_PAGE_SIZE = 100;

export interface PageReply<S> {
  rows: readonly RegisterRow[];
  total: number;
  summary: S;
}

export interface WindowState<S> {
  /** The view these rows belong to. */
  key: string;
  total: number;
  summary: S;
  pages: ReadonlyMap<number, readonly RegisterRow[]>;
}

export class RegisterWindowController<Q, S> {
  private key = '';
  private query: Q | null = null;
  private readonly pending = new Set<string>();
  private disposed = false;
  state: WindowState<S> | null = null;
  error: string | null = null;

  constructor(
    private readonly fetchPage: (query: Q, offset: number, limit: number) => Promise<PageReply<S>>,
    private readonly onChange: () => void,
  ) {}

  /** The view to show; asks for its first page when it is new. */
  setView(key: string, query: Q): void {
    if (key === this.key) return;
    this.key = key;
    this.query = query;
    this.request(0, false);
  }

  /** The view last asked for. */
  get viewKey(): string {
    return this.key;
  }

  /** True while the rows held are an earlier view's. */
  get stale(): boolean {
    return this.state !== null && this.state.key !== this.key;
  }

  rowAt(index: number): RegisterRow | undefined {
    return this.state?.pages.get(Math.floor(index / REGISTER_PAGE_SIZE))?.[index % REGISTER_PAGE_SIZE];
  }

  /** Asks for the pages covering positions first..last of the current view, if not here or on their way. */
  ensure(first: number, last: number): void {
    const s = this.state;
    if (!s || s.key !== this.key) return;
    const end = Math.min(last, s.total - 1);
    for (let p = Math.floor(Math.max(0, first) / REGISTER_PAGE_SIZE); p <= Math.floor(end / REGISTER_PAGE_SIZE); p++) if (!s.pages.has(p)) this.request(p, false);
  }

  reload(): void {
    this.request(0, true);
  }

  dispose(): void {
    this.disposed = true;
  }

  private request(page: number, fresh: boolean): void {
    const key = this.key;
    const query = this.query;
    if (query === null) return;
    const tag = `${key}#${page}`;
    if (!fresh && this.pending.has(tag)) return;
    this.pending.add(tag);
    this.fetchPage(query, page * REGISTER_PAGE_SIZE, REGISTER_PAGE_SIZE).then(
      (r) => {
        this.pending.delete(tag);
        if (this.disposed || key !== this.key) return; // an earlier view: drop it
        const keep = this.state && this.state.key === key && !fresh ? this.state.pages : [];
        const pages = new Map(keep);
        pages.set(page, r.rows);
        this.state = { key, total: r.total, summary: r.summary, pages };
        this.error = null;
        this.onChange();
      },
      (e: unknown) => {
        this.pending.delete(tag);
        if (this.disposed || key !== this.key) return;
        this.error = (e as Error).message;
        this.onChange();
      },
    );
  }
}
