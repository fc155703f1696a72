import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES, type MethodName } from '../../shared/api/methods';
import type { MethodInput, MethodOutput } from '../../shared/api/contract';
import type { Result } from '../../shared/api/errors';
import type { DocumentRequest } from '../../shared/api/documentSchemas';

/**
 * The sandboxed preload. It can only `require('electron')`, so it is bundled to one CJS file
 * (scripts/build-electron.mjs) with the contract's method names inlined.
 *
 * The page gets exactly one function, `window.panel.invoke(method, args)`, and only for methods
 * in the contract — never a generic channel-sending function. The main process checks again
 * (sender frame, method name, input schema); this check just answers a typo without a round trip.
 */

/** What the preload puts on `window.panel`. The renderer's typed client imports this type. */
export interface PanelBridge {
  invoke<M extends MethodName>(method: M, args: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  /** Prints a document (minutes, agenda pack, archiving form) to PDF and asks where to save it; `saved` is null if the person cancelled. */
  savePdf(request: DocumentRequest): Promise<Result<{ saved: string | null }>>;
  /**
   * Calls `listener` with each push as the register changes (a meeting's new version, the register's
   * new version); returns the unsubscribe. The page validates the payload (shared/api/events.ts).
   */
  onPush(listener: (message: { kind: string } & Record<string, unknown>) => void): () => void;
}

/** Must match INVOKE_CHANNEL in ./ipc.ts (not imported, to keep the preload bundle minimal). */
const INVOKE_CHANNEL = 'panel:invoke';
/** Must match PDF_CHANNEL in ./pdf.ts. */
const PDF_CHANNEL = 'panel:savePdf';
/** Must match PUSH_CHANNEL in ./events.ts. */
const PUSH_CHANNEL = 'panel:push';
/** Must match PUSH_KINDS in shared/api/events.ts. */
const PUSH_KINDS: ReadonlySet<string> = new Set(['meeting', 'register']);

const unreachable = (): Result<never> => ({
  ok: false,
  error: {
    code: 'internal',
    message: 'Panel could not reach the register. Please try again, and restart Panel if it keeps happening.',
  },
});

const known: ReadonlySet<string> = new Set<string>(METHOD_NAMES);

const bridge: PanelBridge = {
  invoke<M extends MethodName>(method: M, args: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
    if (typeof method !== 'string' || !known.has(method)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown_method', message: `Panel has no operation called "${String(method)}".` },
      });
    }
    return (ipcRenderer.invoke(INVOKE_CHANNEL, method, args) as Promise<Result<MethodOutput<M>>>).catch(unreachable);
  },
  savePdf(request) {
    return (ipcRenderer.invoke(PDF_CHANNEL, request) as Promise<Result<{ saved: string | null }>>).catch(
      (): Result<never> => ({ ok: false, error: { code: 'internal', message: 'Panel could not make the PDF. Try again, or use Print and choose "Save as PDF".' } }),
    );
  },
  // Only this one channel, only messages of a known kind, and never the IPC event itself (it holds
  // the sender). A copy of plain fields: the page checks them against the schema.
  onPush(listener) {
    if (typeof listener !== 'function') return () => {};
    const relay = (_event: unknown, payload: unknown) => {
      if (typeof payload !== 'object' || payload === null) return;
      const p = payload as Record<string, unknown>;
      if (typeof p.kind !== 'string' || !PUSH_KINDS.has(p.kind)) return;
      listener({ ...p, kind: p.kind });
    };
    ipcRenderer.on(PUSH_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(PUSH_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('panel', bridge);
