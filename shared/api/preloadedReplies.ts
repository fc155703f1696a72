/**
 * Replies a host hands a page with its request, so the page need not ask for them (the PDF printer
 * gives the lean print entry its document's data: issue 12). Keyed by method and input, with the
 * input's keys sorted, so `{ meetingId, variant }` and `{ variant, meetingId }` are the same request.
 */
export interface PreloadedReply {
  method: string;
  input: unknown;
  value: unknown;
}

const canonical = (v: unknown): unknown =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => [k, canonical(x)]))
    : Array.isArray(v) ? v.map(canonical) : v;

export const replyKey = (method: string, input: unknown): string => `${method} ${JSON.stringify(canonical(input ?? {}))}`;
