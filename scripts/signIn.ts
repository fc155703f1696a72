import readline from 'node:readline';
import { createSessionHost, type SessionHost } from '../electron/session/sessionHost';

/**
 * Command-line tools sign in like the app (issue 13): the register is encrypted and only a user's
 * password opens it. The name comes from --user (or PANEL_USER), the password from PANEL_PASSWORD
 * (scripts, CI) or is asked for on the terminal without echoing it.
 */
export async function signInFromCommandLine(dbPath: string, options: { user?: string; version: string; today?: () => string }): Promise<SessionHost> {
  const name = options.user ?? process.env.PANEL_USER;
  if (!name) throw new Error('The register is encrypted: say who you are with --user "Your Name" (and set PANEL_PASSWORD, or type the password when asked).');
  const password = process.env.PANEL_PASSWORD ?? (await askHidden(`Password for ${name}: `));
  const host = createSessionHost({ dbPath, version: options.version, today: options.today, idleCheckMs: 0 });
  const r = host.dispatch('session.signIn', { name, password });
  if (!r.ok) {
    host.close();
    throw new Error(r.error.message);
  }
  return host;
}

function askHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    return Promise.reject(new Error('No terminal to ask for the password on: set PANEL_PASSWORD for this command.'));
  }
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    out._writeToOutput = (s: string) => {
      // Show the question, then nothing of what is typed.
      if (!asked) process.stdout.write(s);
      asked = true;
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}
