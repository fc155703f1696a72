import { z } from 'zod';

/**
 * What the services push to every window when a meeting changes (its agenda, an item, an action,
 * the projector's state): the meeting and its new live version. A window holding an older version
 * refetches (projector.view answers `unchanged` cheaply when it has not moved).
 */
export const MeetingChanged = z.object({
  meetingId: z.number().int().positive(),
  version: z.number().int().nonnegative(),
});
export type MeetingChanged = z.infer<typeof MeetingChanged>;

/** A push as it travels (SSE `data:` or an IPC message): parsed, or null when it is not one. */
export function parseMeetingChanged(raw: unknown): MeetingChanged | null {
  const r = MeetingChanged.safeParse(raw);
  return r.success ? { meetingId: r.data.meetingId, version: r.data.version } : null;
}
