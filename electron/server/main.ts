// The browser host: `npm run start:browser [-- --db PATH] [--port N]`.
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSessionHost } from '../session/sessionHost';
import { startBrowserHost } from './http';
import { createDocumentPrinter } from './documentPdf';
import { createEventStreams } from './events';
import { defaultDatabasePath } from './paths';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const dbPath = path.resolve(arg('db') ?? process.env.PANEL_DB ?? defaultDatabasePath());
  fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  const port = Number(arg('port') ?? process.env.PANEL_PORT ?? 5178);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

  // Locked until someone signs in in the page (issue 13): the register is encrypted and only the keyring's passwords open it.
  // PANEL_IDLE_SECONDS overrides the idle lock (end-to-end tests of the lock; the setting is in minutes).
  const idleSeconds = Number(process.env.PANEL_IDLE_SECONDS ?? 0);
  const session = createSessionHost({
    dbPath,
    version: pkg.version,
    checkOutputs: process.env.PANEL_CHECK_OUTPUTS === '1',
    log: (m, e) => console.error(m, e),
    // Signed in, it backs up daily and before the register closes (sign-out, idle lock, Ctrl+C).
    onBackupError: (message) => console.error(message),
    ...(idleSeconds > 0 ? { idleSeconds, idleCheckMs: 500 } : {}),
  });
  const { dispatch } = session;
  const printer = createDocumentPrinter(dispatch);
  const host = await startBrowserHost({
    dispatch,
    staticDir: path.join(root, 'dist/renderer'),
    port,
    token: process.env.PANEL_TOKEN,
    log: (line) => console.error(line),
    events: createEventStreams(session.subscribeMeetings),
    printPdf: async (request, self) => {
      const r = await printer.print(request, self);
      return { fileName: r.info.fileName, pdf: r.pdf };
    },
  });
  console.log(`Panel (browser host) is running.\n  Register: ${dbPath}\n  Open:     ${host.openUrl}\n` +
    `This address carries a one-off access token; keep it to yourself. Press Ctrl+C to stop.`);
  // A machine-readable line for tests and scripts that start the host.
  console.log(`PANEL_READY ${JSON.stringify({ url: host.url, token: host.token, port: host.port })}`);

  const stop = () => {
    void Promise.allSettled([printer.close(), host.close()]).finally(() => {
      session.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main().catch((err: unknown) => {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EADDRINUSE') console.error(`Port ${arg('port') ?? 5178} is in use. Start with --port 0 for a free one, or stop the other Panel.`);
  else console.error(e);
  process.exit(1);
});
