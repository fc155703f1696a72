/**
 * Fills a register with synthetic demo data (the invented town of Northbridge).
 *
 *   npx tsx scripts/demo.ts [--db PATH] [--cases N] [--seed N] [--replace] [--user NAME]
 *   npm run demo -- --cases 50000
 *
 * Default database: $PANEL_DB, else ./panel-demo.db. Refuses an existing register unless --replace
 * is given (which deletes the file, its -wal/-shm and its keyring first).
 *
 * The register is encrypted like any other (issue 13): the demo sets it up through the same session
 * layer as the app, with demo users who all have the demo password, printed at the end with the
 * recovery key. Never use the demo password for a real register.
 */
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Db } from '../db/open';
import { auditedInsert, type WriteContext } from '../db/audit';
import { hasContent } from '../db/encryption';
import { keyringPath } from '../db/keyring';
import { createSessionHost } from '../electron/session/sessionHost';
import type { Role } from '../shared/api/session';
import { loadDemo } from '../db/demo/register';
import { todayInEngland } from '../electron/createApp';

interface Args {
  db: string;
  cases: number | undefined;
  seed: number;
  replace: boolean;
  user: string;
}

const USAGE = `Usage: npm run demo -- [--db PATH] [--cases N] [--seed N] [--replace] [--user NAME]
  --db PATH    register file to fill (default: $PANEL_DB, else ./panel-demo.db)
  --cases N    total cases (default 1,300: about 300 open and 1,000 closed)
  --seed N     random seed; the same seed gives the same register (default 1)
  --replace    delete an existing register at PATH first
  --user NAME  the first manager's name (default "Nadia Kowalczyk", a manager among the demo officers)`;

/** Everyone who can sign in to the demo register, all with DEMO_PASSWORD (names from the demo's officers). */
export const DEMO_PASSWORD = 'northbridge demo';
const DEMO_USERS: readonly { name: string; role: Role }[] = [
  { name: 'Gareth Lowden', role: 'manager' },
  { name: 'Dana Whitcombe', role: 'officer' },
  { name: 'Lucy Penhallow', role: 'officer' },
  { name: 'Alison Tregear', role: 'panel_member' },
];

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parseArgs(argv: string[]): Args {
  const args: Args = { db: process.env.PANEL_DB || './panel-demo.db', cases: undefined, seed: 1, replace: false, user: 'Nadia Kowalczyk' };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) fail(`${flag} needs a value.\n\n${USAGE}`);
    return v;
  };
  const whole = (v: string, flag: string, min: number): number => {
    const n = Number(v.replace(/[_,]/g, ''));
    if (!Number.isInteger(n) || n < min) fail(`${flag} must be a whole number of at least ${min}, not "${v}".`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i] as string;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const take = () => {
      if (inline !== undefined) return inline;
      const v = value(i, flag);
      i += 1;
      return v;
    };
    switch (flag) {
      case '--db': args.db = take(); break;
      case '--cases': args.cases = whole(take(), '--cases', 1); break;
      case '--seed': args.seed = whole(take(), '--seed', 0); break;
      case '--user': args.user = take(); break;
      case '--replace': args.replace = true; break;
      case '--help': case '-h': console.log(USAGE); process.exit(0); break;
      default: fail(`Unknown option "${a}".\n\n${USAGE}`);
    }
  }
  return args;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const file = resolve(args.db);

  if (args.replace) {
    for (const f of [file, `${file}-wal`, `${file}-shm`, keyringPath(file)]) if (existsSync(f)) rmSync(f);
  }
  if (hasContent(file) || existsSync(keyringPath(file))) {
    fail(`${file} is already a register; nothing was changed.\nUse --replace to delete it and load demo data afresh, or --db to choose another file.`);
  }

  const host = createSessionHost({ dbPath: file, version: 'demo', idleCheckMs: 0 });
  const setup = host.dispatch('session.setup', { name: args.user, password: DEMO_PASSWORD });
  if (!setup.ok) fail(`Cannot set up ${file}: ${setup.error.message}`);
  const { recoveryKey } = setup.value as { recoveryKey: string };
  const db: Db = host.db()!;

  // A bigger page cache for this one connection: the load is one large transaction.
  db.pragma('cache_size = -262144');
  const ctx: WriteContext = { actor: 'Demo generator', source: 'demo', now: () => new Date().toISOString() };
  // The same today the app will use when it opens this register.
  const today = todayInEngland();
  const started = performance.now();
  const result = db.transaction(() => {
    const has = db.prepare('SELECT 1 FROM settings WHERE key = ?');
    const setIfAbsent = (key: string, value: string) => {
      if (!has.get(key)) auditedInsert(db, ctx, 'settings', { entity: 'setting' }, { key, value });
    };
    setIfAbsent('setup_done', '1');
    return loadDemo(db, ctx, { today, seed: args.seed, ...(args.cases !== undefined ? { cases: args.cases } : {}) });
  })();
  const seconds = (performance.now() - started) / 1000;

  const counts = db
    .prepare(
      `SELECT sum(status <> 'closed') AS open, sum(status = 'closed') AS closed,
              sum(register = 'CME') AS cme, sum(register = 'PMOE') AS pmoe,
              (SELECT count(*) FROM children) AS children
       FROM cases`,
    )
    .get() as { open: number; closed: number; cme: number; pmoe: number; children: number };
  const users = [{ name: args.user, role: 'manager' as Role }, ...DEMO_USERS.filter((u) => u.name !== args.user)];
  for (const u of users.slice(1)) {
    const r = host.dispatch('users.create', { ...u, password: DEMO_PASSWORD });
    if (!r.ok) fail(`Cannot add the demo user ${u.name}: ${r.error.message}`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  host.close();

  const n = (x: number) => x.toLocaleString('en-GB');
  console.log(
    `Loaded ${n(result.caseCount)} demo cases (${n(counts.open)} open, ${n(counts.closed)} closed; ` +
      `${n(counts.cme)} CME, ${n(counts.pmoe)} PMOE) for ${n(counts.children)} children, with ${result.officerCount} officers, ` +
      `as at ${today} (seed ${args.seed}) in ${seconds.toFixed(1)} s.`,
  );
  console.log(`Register: ${file} (encrypted; keyring ${keyringPath(file)})`);
  console.log(`Users (all with the demo password "${DEMO_PASSWORD}"):`);
  for (const u of users) console.log(`  ${u.name.padEnd(18)} ${u.role.replace('_', ' ')}`);
  console.log(`Recovery key: ${recoveryKey}`);
  console.log(`Next: npm run start:browser -- --db ${file.includes(' ') ? JSON.stringify(file) : file}`);
}

main();
