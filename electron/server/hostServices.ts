// What the browser host serves once it is listening (main.ts loads this module after printing
// PANEL_READY, so the host's start does not wait for the contract's schemas and every service to
// load): the session in front of the register, the push channel and the PDF printer.
import { createSessionHost } from '../session/sessionHost';
import { createDocumentPrinter } from './documentPdf';
import { createEventStreams, type EventStreams } from './events';
import type { Dispatch } from '../dispatch';

export interface HostServicesOptions {
  dbPath: string;
  version: string;
  /** Overrides the idle lock in seconds (end-to-end tests of the lock; the setting is in minutes). */
  idleSeconds?: number;
}

export interface HostServices {
  dispatch: Dispatch;
  events: EventStreams;
  printPdf: (request: unknown, self: { url: string; token: string }) => Promise<{ fileName: string; pdf: Buffer }>;
  /** Closes the PDF browser, then backs up (if due) and locks the register. */
  close(): Promise<void>;
}

export function createHostServices(options: HostServicesOptions): HostServices {
  // Locked until someone signs in in the page (issue 13): the register is encrypted and only the keyring's passwords open it.
  const session = createSessionHost({
    dbPath: options.dbPath,
    version: options.version,
    checkOutputs: process.env.PANEL_CHECK_OUTPUTS === '1',
    log: (m, e) => console.error(m, e),
    // Signed in, it backs up daily and before the register closes (sign-out, idle lock, Ctrl+C).
    onBackupError: (message) => console.error(message),
    ...(options.idleSeconds ? { idleSeconds: options.idleSeconds, idleCheckMs: 500 } : {}),
  });
  const printer = createDocumentPrinter(session.dispatch);
  return {
    dispatch: session.dispatch,
    events: createEventStreams(session.subscribePush),
    printPdf: async (request, self) => {
      const r = await printer.print(request, self);
      return { fileName: r.info.fileName, pdf: r.pdf };
    },
    close: async () => {
      await printer.close().catch(() => undefined);
      session.close();
    },
  };
}
