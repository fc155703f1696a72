import type { Db } from '../db/open';
import type { WriteContext } from '../db/audit';
import { createDispatcher, type Dispatch, type Handlers } from './dispatch';
import { createHandlers, type RegisterHost } from './services';
import { contextFor } from './services/context';
import { prepareRegister } from './services/app/prepare';
import type { RegisterKeys } from './services/handlers';
import { createMeetingEvents, createRegisterEvents, type MeetingEvents, type RegisterEvents } from './services/events';
import { versionOf } from './services/register/registerView';
import type { PushMessage } from '../shared/api/events';

/**
 * The app behind both hosts: the services over one open register, and the dispatcher every call
 * goes through. The desktop shell wires it to IPC, the browser host to HTTP, tests and scripts
 * call `dispatch` directly; none of them builds handlers or a dispatcher of its own.
 */
export interface AppOptions {
  version: string;
  /** Where the register lives (shown in app.info). */
  dbPath: string;
  /** Today's date (ISO). Defaults to today in England; tests and scripts pin it. */
  today?: () => string;
  /** Who is writing, read per call. Defaults to the register's user name and the clock. */
  context?: () => WriteContext;
  /** Who writes what a register needs on opening (its default panels), when not `context`: the first user at setup. */
  prepareAs?: WriteContext;
  /** Check every output against the contract too (development and tests). */
  checkOutputs?: boolean;
  log?: (message: string, err: unknown) => void;
  /** The unlocked register's key, for users.* (electron/session); absent for a register opened without signing in. */
  keys?: RegisterKeys;
  /** The host that can replace and reopen the register (restore); electron/session/sessionHost.ts. */
  host?: RegisterHost;
}

export interface App {
  dispatch: Dispatch;
  handlers: Handlers;
  /** The "today" the services use: the one date every screen and document agrees on. */
  today: () => string;
  /** Meetings' new versions as writes commit: the hosts push them to every window. */
  meetingEvents: MeetingEvents;
  /** The register's new version after each write that moved it: the register screen and Home refresh. */
  registerEvents: RegisterEvents;
  /** Both, as the hosts carry them to every window (SSE in the browser host, IPC in the desktop app). */
  subscribePush(listener: (message: PushMessage) => void): () => void;
}

/**
 * Today's calendar date in England, as YYYY-MM-DD, whatever the machine's time zone: Panel serves
 * English authorities, and a register must not change day at midnight UTC (en-CA formats dates as
 * ISO).
 */
export function todayInEngland(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function createApp(db: Db, options: AppOptions): App {
  const today = options.today ?? (() => todayInEngland());
  const context = options.context ?? contextFor(db);
  prepareRegister(db, () => options.prepareAs ?? context());
  const handlers = createHandlers(db, { today, version: options.version, dbPath: options.dbPath, keys: options.keys, host: options.host });
  const meetingEvents = createMeetingEvents(db);
  const registerEvents = createRegisterEvents(db, () => versionOf(db, today()));
  const dispatch = createDispatcher({
    db,
    handlers,
    today,
    context,
    checkOutputs: options.checkOutputs,
    log: options.log,
    afterWrite: () => {
      meetingEvents.flush();
      registerEvents.flush();
    },
  });
  const subscribePush = (listener: (message: PushMessage) => void) => {
    const offMeetings = meetingEvents.subscribe((e) => listener({ kind: 'meeting', ...e }));
    const offRegister = registerEvents.subscribe((e) => listener({ kind: 'register', ...e }));
    return () => {
      offMeetings();
      offRegister();
    };
  };
  return { dispatch, handlers, today, meetingEvents, registerEvents, subscribePush };
}
