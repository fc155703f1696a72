/**
 * Clocks for the live meeting: pure formatting and arithmetic, the current time is always an argument.
 */

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A duration as mm:ss under an hour (04:07), h:mm:ss from an hour (1:02:03). Negative or non-finite → 00:00. */
export function formatDuration(totalSeconds: number): string {
  const s = Number.isFinite(totalSeconds) && totalSeconds > 0 ? Math.floor(totalSeconds) : 0;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h > 0 ? `${h}:${pad2(m)}:${pad2(sec)}` : `${pad2(m)}:${pad2(sec)}`;
}

/** Whole seconds from an ISO timestamp to `nowMs`; 0 when there is no (valid) start or it lies in the future. */
export function secondsSince(startedAt: string | null | undefined, nowMs: number): number {
  if (!startedAt) return 0;
  const t = Date.parse(startedAt);
  if (Number.isNaN(t)) return 0;
  return Math.max(0, Math.floor((nowMs - t) / 1000));
}

/**
 * Time spent on an item: what earlier visits added up to (`elapsedSeconds`) plus the time since it
 * became current (`startedAt`, set only while it is the current item).
 */
export function itemSeconds(item: { elapsedSeconds: number; startedAt: string | null }, nowMs: number): number {
  return Math.max(0, item.elapsedSeconds) + secondsSince(item.startedAt, nowMs);
}

/** The wall-clock time of day as hh:mm:ss (24-hour, local time), for "Saved 14:03:21". */
export function formatTimeOfDay(d: Date): string {
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

/** The offset to add to this machine's clock to get the server's (serverTime received at `receivedAtMs`). */
export function clockOffset(serverTime: string | null | undefined, receivedAtMs: number): number {
  if (!serverTime) return 0;
  const t = Date.parse(serverTime);
  return Number.isNaN(t) ? 0 : t - receivedAtMs;
}
