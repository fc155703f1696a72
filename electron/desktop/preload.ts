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
  /** Calls `listener` with each meeting's new version as the register changes; returns the unsubscribe. */
  onMeetingChanged(listener: (event: { meetingId: number; version: number }) => void): () => void;
}

/** Must match INVOKE_CHANNEL in ./ipc.ts (not imported, to keep the preload bundle minimal). */
const INVOKE_CHANNEL = 'panel:invoke';
/** Must match PDF_CHANNEL in ./pdf.ts. */
const PDF_CHANNEL = 'panel:savePdf';
/** Must match MEETING_CHANNEL in ./events.ts. */
const MEETING_CHANNEL = 'panel:meetingChanged';

const positiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

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
  // Only this one channel, only well-formed messages, and never the IPC event itself (it holds the sender).
  onMeetingChanged(listener) {
    if (typeof listener !== 'function') return () => {};
    const relay = (_event: unknown, payload: unknown) => {
      const p = payload as { meetingId?: unknown; version?: unknown } | null;
      if (!p || !positiveInt(p.meetingId) || p.meetingId === 0 || !positiveInt(p.version)) return;
      listener({ meetingId: p.meetingId, version: p.version });
    };
    ipcRenderer.on(MEETING_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(MEETING_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('panel', bridge);
