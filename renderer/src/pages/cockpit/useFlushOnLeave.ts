import { useEffect, type RefObject } from 'react';
import type { ItemHandle } from './types';

/**
 * Nothing typed is lost on close: flush; in a browser, ask to stay while a save is under way.
 * Coming back online retries what failed.
 */
export function useFlushOnLeave(itemRef: RefObject<ItemHandle | null>, retry: () => Promise<void>): void {
  useEffect(() => {
    const onUnload = (e: BeforeUnloadEvent) => {
      const h = itemRef.current;
      if (!h) return;
      const unsaved = h.hasUnsaved();
      void h.flush();
      // Electron closes without asking (preventDefault would keep the window open silently);
      // the localStorage copy covers it.
      if (unsaved && !window.panel) {
        e.preventDefault();
        e.returnValue = '';
      }
    };
    const onHide = () => {
      if (document.visibilityState === 'hidden') void itemRef.current?.flush();
    };
    const onOnline = () => void retry();
    window.addEventListener('beforeunload', onUnload);
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('online', onOnline);
    };
  }, [retry, itemRef]);
}
