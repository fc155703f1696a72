/**
 * Which mounted queries a finished write makes out of date. A mutation names what it affects:
 * a method ('register.list') or a whole domain ('actions.'); every mounted query whose method
 * matches refetches. One bus per window (the projector window has its own, and polls).
 */

type Listener = (method: string) => void;

export class InvalidationBus {
  private readonly listeners = new Set<{ method: string; refetch: () => void }>();

  /** Registers a mounted query; returns its unsubscribe. */
  subscribe(method: string, refetch: () => void): () => void {
    const entry = { method, refetch };
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  /** Refetches every query matching one of `targets`; returns how many refetched. */
  invalidate(targets: readonly string[]): number {
    let n = 0;
    for (const l of [...this.listeners]) {
      if (targets.some((t) => matches(t, l.method))) {
        l.refetch();
        n += 1;
      }
    }
    return n;
  }
}

/** 'actions.' matches every actions method; anything else matches one method exactly. */
export function matches(target: string, method: string): boolean {
  return target.endsWith('.') ? method.startsWith(target) : method === target;
}

export const bus = new InvalidationBus();
export type { Listener };
