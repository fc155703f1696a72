// The browser host as the bench runs it: its bundle (dist/host/main.mjs) in its own Node process,
// as `npm start` (without Electron), `npm run start:browser` and the e2e harness run it, timed to
// PANEL_READY. The bundle is rebuilt first if it is missing or older than its sources.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureHostBundle } from '../hostBundle.mjs';

const root = path.resolve(import.meta.dirname, '../..');

export interface RunningHost {
  url: string;
  token: string;
  pid: number;
  /** Spawn → the PANEL_READY line, ms. */
  startMs: number;
  /** Spawn → the answer to its first API call (session.status): the services load after PANEL_READY. */
  firstAnswerMs: number;
  /** Resident memory of the host process now, MB (Linux /proc). */
  rssMb(): number;
  stop(): Promise<void>;
}

function waitForLine(child: ChildProcess, pattern: RegExp, what: string): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start in 120 s:\n${out}`)), 120_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve(m);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}):\n${out}`));
    });
  });
}

const stopper = (child: ChildProcess) => () =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    // A host that has not gone 10 s after SIGTERM is killed, so a bench never leaves one behind.
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });

export async function startHost(dbFile: string): Promise<RunningHost> {
  const entry = await ensureHostBundle((line) => console.error(`  ${line}`));
  const t = performance.now();
  const child = spawn(process.execPath, [entry, '--db', dbFile, '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const m = await waitForLine(child, /PANEL_READY (\{.*\})/, 'The browser host');
  const startMs = performance.now() - t;
  const ready = JSON.parse(m[1]!) as { url: string; token: string };
  await callHost(ready, 'session.status');
  const firstAnswerMs = performance.now() - t;
  return {
    ...ready,
    pid: child.pid!,
    startMs,
    firstAnswerMs,
    rssMb: () => {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    },
    stop: stopper(child),
  };
}

/** The floor for host start: a plain Node process (no loader, as the host now runs) with an HTTP server listening on a free port. */
export async function nodeListeningMs(): Promise<number> {
  const t = performance.now();
  const child = spawn(
    process.execPath,
    ['-e', "require('node:http').createServer().listen(0, '127.0.0.1', function () { console.log('LISTENING ' + this.address().port); })"],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await waitForLine(child, /LISTENING \d+/, 'node');
  const ms = performance.now() - t;
  await stopper(child)();
  return ms;
}

/** Calls the host's API as the page does; throws with the host's message when refused. */
export async function callHost<T = unknown>(host: Pick<RunningHost, 'url' | 'token'>, method: string, args: unknown = {}): Promise<T> {
  const res = await fetch(`${host.url}api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(args),
  });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message ?? `HTTP ${res.status}`}`);
  return body.value as T;
}

/** Signs the host in (it starts locked: issue 13); the session is the host's, so every page opened on it is signed in. */
export async function signInHost(host: Pick<RunningHost, 'url' | 'token'>, user: { name: string; password: string }): Promise<void> {
  await callHost(host, 'session.signIn', user);
}
