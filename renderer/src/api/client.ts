import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { ApiError, Result } from '../../../shared/api/errors';
import type { DocumentRequest } from '../../../shared/api/documentSchemas';
import { downloadBlob } from '../lib/download';
import { readText, sessionStore, storageKey, writeText } from '../lib/storage';
import { replyKey, type PreloadedReply } from '../../../shared/api/preloadedReplies';

/** What the Electron preload exposes; absent in a plain browser. */
interface PanelBridge {
  invoke(method: string, args: unknown): Promise<Result<unknown>>;
  savePdf(request: DocumentRequest): Promise<Result<{ saved: string | null }>>;
  onPush?(listener: (message: { kind: string } & Record<string, unknown>) => void): () => void;
}

export type { DocumentRequest };
declare global {
  interface Window {
    panel?: PanelBridge;
  }
}

/** An error the person can act on: the message names the field and what to do. */
export class ApiCallError extends Error {
  readonly code: ApiError['code'];
  readonly field: string | undefined;
  constructor(error: ApiError) {
    super(error.message);
    this.code = error.code;
    this.field = error.field;
  }
}

const TOKEN_KEY = storageKey('token');

/** The browser host hands the token over in the URL fragment once; keep it for this tab and hide it. */
function browserToken(): string | null {
  const m = /[#&]token=([^&]+)/.exec(window.location.hash);
  if (m?.[1]) {
    writeText(sessionStore(), TOKEN_KEY, m[1]);
    const rest = window.location.hash.replace(/[#&]?token=[^&]+/, '');
    history.replaceState(null, '', window.location.pathname + window.location.search + (rest.length > 1 ? rest : '#/'));
  }
  return readText(sessionStore(), TOKEN_KEY);
}
const token = typeof window !== 'undefined' && !window.panel ? browserToken() : null;

/** Replies the host sent with the page's request (see preloadReplies); any other call goes to the host. */
let preloaded = new Map<string, unknown>();
/** Answers these calls from what the host sent instead of asking it again (the lean print entry). */
export function preloadReplies(replies: readonly PreloadedReply[]): void {
  preloaded = new Map(replies.map((r) => [replyKey(r.method, r.input), r.value]));
}

/** How many calls are waiting on the host. */
let inFlight = 0;

async function transport(method: string, args: unknown): Promise<Result<unknown>> {
  inFlight++;
  try {
    return await ask(method, args);
  } finally {
    inFlight--;
  }
}

async function ask(method: string, args: unknown): Promise<Result<unknown>> {
  const key = preloaded.size > 0 ? replyKey(method, args) : '';
  if (preloaded.has(key)) return { ok: true, value: preloaded.get(key) };
  if (window.panel) return window.panel.invoke(method, args);
  let res: Response;
  try {
    res = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
      body: JSON.stringify(args ?? {}),
      // Lets a save started as the tab closes still reach the host.
      keepalive: true,
    });
  } catch {
    return { ok: false, error: { code: 'internal', message: 'Panel is not running: the browser host stopped. Start it again (npm run start:browser) and reload this page.' } };
  }
  return (await res.json()) as Result<unknown>;
}

const lockListeners = new Set<() => void>();
/** Told when any call finds the app locked (left idle, signed out elsewhere): the app shows the sign-in screen. */
export function onLocked(listener: () => void): () => void {
  lockListeners.add(listener);
  return () => lockListeners.delete(listener);
}

/** Calls one method of the contract; resolves with its value or rejects with an ApiCallError. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await transport(method, input);
  if (!result.ok) {
    if (result.error.code === 'locked') for (const l of lockListeners) l();
    throw new ApiCallError(result.error);
  }
  return result.value as MethodOutput<M>;
}

/**
 * The host's push channel, as it reaches this window: the desktop bridge's IPC subscription, or the
 * browser host's Server-Sent Events stream (fetched, so the token travels in a header as on every
 * call, never in a URL). Used only by data/push.ts.
 */
export const pushTransport = {
  bridge: (): PanelBridge['onPush'] => (window.panel?.onPush ? window.panel.onPush.bind(window.panel) : undefined),
  /** Calls this window has waiting on the host: a push that lands meanwhile waits for them (its own write's invalidation comes first). */
  inFlight: (): number => inFlight,
  openStream: (signal: AbortSignal): Promise<Response> =>
    fetch('/events', { headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token ?? ''}` }, cache: 'no-store', signal }),
};

export const hasAccess = () => Boolean(window.panel) || Boolean(token);

/**
 * Saves a document as PDF. The desktop app prints it with Electron and asks where to save it; the
 * browser host prints it with headless Chromium and the browser downloads it. Resolves with a
 * sentence for the person ("Saved …" / "Downloaded …"), or null if they cancelled.
 */
export async function savePdf(request: DocumentRequest): Promise<string | null> {
  if (window.panel) {
    const result = await window.panel.savePdf(request);
    if (!result.ok) throw new ApiCallError(result.error);
    return result.value.saved ? `Saved ${result.value.saved}.` : null;
  }
  let res: Response;
  try {
    res = await fetch('/pdf', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
      body: JSON.stringify(request),
    });
  } catch {
    throw new ApiCallError({ code: 'internal', message: 'Panel is not running: the browser host stopped. Start it again (npm run start:browser) and reload this page.' });
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as Result<never> | null;
    throw new ApiCallError(body && !body.ok ? body.error : { code: 'internal', message: `The PDF could not be made (HTTP ${res.status}).` });
  }
  const fileName = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? 'panel.pdf';
  downloadBlob(fileName, await res.blob());
  return `Downloaded ${fileName}.`;
}
