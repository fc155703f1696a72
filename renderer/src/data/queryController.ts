/**
 * The state machine behind useQuery, kept free of React so its rules can be tested in plain Node:
 * - a reply to an older request never overwrites a newer one (each fetch takes a ticket; only the
 *   latest ticket may write), nor a value set locally after it was sent (setData takes a ticket too);
 * - the last good data stays while a refetch runs (the screen does not blank), and an error keeps it;
 * - after dispose nothing is written (the component is gone).
 */

export interface QueryState<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

export class QueryController<T> {
  private ticket = 0;
  private disposed = false;
  state: QueryState<T> = { data: null, error: null, loading: true };

  constructor(
    private readonly fetcher: () => Promise<T>,
    private readonly onChange: (state: QueryState<T>) => void,
  ) {}

  async refetch(): Promise<void> {
    if (this.disposed) return;
    const mine = ++this.ticket;
    this.set({ ...this.state, loading: true });
    try {
      const data = await this.fetcher();
      if (mine === this.ticket) this.set({ data, error: null, loading: false });
    } catch (e) {
      if (mine === this.ticket) this.set({ ...this.state, error: (e as Error).message, loading: false });
    }
  }

  /** A value the page already has (a save's reply): newer than any reply still on its way. */
  setData(data: T): void {
    if (this.disposed) return;
    this.ticket += 1;
    this.set({ data, error: null, loading: false });
  }

  dispose(): void {
    this.disposed = true;
    this.ticket += 1;
  }

  private set(state: QueryState<T>): void {
    if (this.disposed) return;
    this.state = state;
    this.onChange(state);
  }
}
