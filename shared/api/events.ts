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

/**
 * What the services push to every window when a write has committed: the register's new version,
 * the same string register.workingSet answers with (and takes as `ifNot`). A window holding another
 * version asks again (the host answers `unchanged` cheaply when it is the same data).
 */
export const RegisterChanged = z.object({
  version: z.string().min(1).max(100),
});
export type RegisterChanged = z.infer<typeof RegisterChanged>;

/** Every push, as the hosts carry it: the kind is the SSE `event:` name and the IPC message's `kind`. */
export type PushMessage = ({ kind: 'meeting' } & MeetingChanged) | ({ kind: 'register' } & RegisterChanged);
export type PushKind = PushMessage['kind'];
export const PUSH_KINDS: readonly PushKind[] = ['meeting', 'register'];

/** A push as it travels (SSE `data:` or an IPC message): parsed, or null when it is not one. */
export function parseMeetingChanged(raw: unknown): MeetingChanged | null {
  const r = MeetingChanged.safeParse(raw);
  return r.success ? { meetingId: r.data.meetingId, version: r.data.version } : null;
}

export function parseRegisterChanged(raw: unknown): RegisterChanged | null {
  const r = RegisterChanged.safeParse(raw);
  return r.success ? { version: r.data.version } : null;
}

/** A push of a named kind (the SSE event name, or the IPC message's `kind`): parsed, or null for an unknown kind or a bad payload. */
export function parsePush(kind: unknown, raw: unknown): PushMessage | null {
  if (kind === 'meeting') {
    const m = parseMeetingChanged(raw);
    return m ? { kind, ...m } : null;
  }
  if (kind === 'register') {
    const r = parseRegisterChanged(raw);
    return r ? { kind, ...r } : null;
  }
  return null;
}

/** The payload a push carries after its kind: only the schema's fields, never anything else on the object. */
export function pushPayload(m: PushMessage): MeetingChanged | RegisterChanged {
  return m.kind === 'meeting' ? { meetingId: m.meetingId, version: m.version } : { version: m.version };
}
