// The browser host: `npm run start:browser [-- --db PATH] [--port N]`, run from its bundle
// (dist/host/main.mjs, scripts/hostBundle.mjs) or from source through tsx.
//
// A locked host needs very little to start (issue 12): this file imports only the HTTP server.
// It listens, prints PANEL_READY, and only then loads the services (the contract, every service,
// the session; ./hostServices.ts). The UI's files are served at once; an API call that arrives
// before the services have loaded waits for them.
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startBrowserHost } from './http';
import { defaultDatabasePath } from './paths';
import type { HostServices } from './hostServices';

// electron/server/ or dist/host/: the project root is two folders up from either.
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

  let services: HostServices | null = null;
  let loaded!: (s: HostServices) => void;
  let notLoaded!: (err: unknown) => void;
  const ready = new Promise<HostServices>((resolve, reject) => {
    loaded = resolve;
    notLoaded = reject;
  });
  ready.catch(() => undefined);
  const host = await startBrowserHost({
    // Called only once `ready` has settled (http.ts holds API calls until then).
    dispatch: (method, args) => services!.dispatch(method, args),
    ready,
    staticDir: path.join(root, 'dist/renderer'),
    port,
    token: process.env.PANEL_TOKEN,
    log: (line) => console.error(line),
    events: { open: (req, res) => services!.events.open(req, res), count: () => services?.events.count() ?? 0, closeAll: () => services?.events.closeAll() },
    printPdf: (request, self) => services!.printPdf(request, self),
  });
  console.log(`Panel (browser host) is running.\n  Register: ${dbPath}\n  Open:     ${host.openUrl}\n` +
    `This address carries a one-off access token; keep it to yourself. Press Ctrl+C to stop.`);
  // A machine-readable line for tests and scripts that start the host.
  console.log(`PANEL_READY ${JSON.stringify({ url: host.url, token: host.token, port: host.port })}`);

  const stop = () => {
    void Promise.allSettled([services?.close(), host.close()]).finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  try {
    const { createHostServices } = await import('./hostServices');
    services = createHostServices({ dbPath, version: pkg.version, idleSeconds: Number(process.env.PANEL_IDLE_SECONDS ?? 0) });
    loaded(services);
  } catch (err) {
    notLoaded(err);
    throw err;
  }
}

void main().catch((err: unknown) => {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EADDRINUSE') console.error(`Port ${arg('port') ?? 5178} is in use. Start with --port 0 for a free one, or stop the other Panel.`);
  else console.error(e);
  process.exit(1);
});
