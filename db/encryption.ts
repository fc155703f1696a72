import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';

/**
 * Encryption at rest. `better-sqlite3` is better-sqlite3-multiple-ciphers under the same name (see
 * package.json): SQLite3 Multiple Ciphers encrypts every page of the register, its WAL and its
 * rollback journal with SQLCipher-compatible AES-256 (sqlcipher v4: AES-256-CBC + HMAC-SHA512).
 * The register's key is 32 random bytes given as a raw key, so no password-derivation runs at open;
 * the key itself is only ever held in memory or wrapped (db/keyring.ts).
 */
export const REGISTER_KEY_BYTES = 32;

export const newRegisterKey = (): Buffer => randomBytes(REGISTER_KEY_BYTES);

/** Sets the cipher and the raw key on a connection; must be the first thing done with it. */
export function applyKey(db: Database.Database, key: Buffer): void {
  if (key.length !== REGISTER_KEY_BYTES) throw new Error(`A register key is ${REGISTER_KEY_BYTES} bytes, not ${key.length}.`);
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** True when the file is an unencrypted SQLite database (its first 16 bytes are SQLite's magic header). */
export function isPlainDatabase(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(16);
    return fs.readSync(fd, head, 0, 16, 0) === 16 && head.equals(SQLITE_HEADER);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A file that holds something (an empty file is what openDatabase creates before the first write). */
export const hasContent = (file: string): boolean => fs.existsSync(file) && fs.statSync(file).size > 0;

/** Row counts of every table, to check an encrypted copy against its source. */
export function tableCounts(db: Database.Database): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = (db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n;
  return counts;
}

export interface EncryptResult {
  /** Rows per table, the same in the plain source and the encrypted copy. */
  counts: Record<string, number>;
}

/**
 * Encrypts an existing plain register in place (issue 13): copy it to a new file, encrypt the copy,
 * check every table's row count against the original, then swap the copy in with one rename. The
 * plain file stays (as `<file>.plain-old`) until the encrypted one has replaced it and opened with
 * the key; only then is it removed. A failure at any step leaves the plain register as it was.
 */
export function encryptPlainRegister(file: string, key: Buffer, options: { nativeBinding?: string } = {}): EncryptResult {
  const opts = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const next = `${file}.encrypting`;
  const old = `${file}.plain-old`;
  for (const f of [next, `${next}-journal`, `${next}-wal`, old]) fs.rmSync(f, { force: true });

  const plain = new Database(file, opts);
  let counts: Record<string, number>;
  try {
    // Fold the WAL into the file so the copy (and the later removal of the plain -wal) lose nothing.
    plain.pragma('wal_checkpoint(TRUNCATE)');
    counts = tableCounts(plain);
    plain.prepare('VACUUM INTO ?').run(next);
  } finally {
    plain.close();
  }
  fs.chmodSync(next, 0o600);

  try {
    // rekey encrypts the (rollback-journal, not WAL) copy page by page.
    const copy = new Database(next, opts);
    try {
      copy.pragma(`cipher = 'sqlcipher'`);
      copy.pragma('legacy = 4');
      copy.pragma(`rekey = "x'${key.toString('hex')}'"`);
    } finally {
      copy.close();
    }
    if (isPlainDatabase(next)) throw new Error('the copy was not encrypted');
    const check = new Database(next, { ...opts, readonly: true });
    try {
      applyKey(check, key);
      const copied = tableCounts(check);
      const differs = Object.keys({ ...counts, ...copied }).filter((t) => counts[t] !== copied[t]);
      if (differs.length) throw new Error(`the encrypted copy's row counts differ from the register's (${differs.join(', ')})`);
    } finally {
      check.close();
    }
    const fd = fs.openSync(next, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch (err) {
    fs.rmSync(next, { force: true });
    throw new Error(`Panel could not encrypt the register at ${file}: ${(err as Error).message}. The register has not been changed.`, { cause: err });
  }

  // Keep a name on the plain file until the swap has happened, then remove it and its side files.
  fs.linkSync(file, old);
  fs.renameSync(next, file);
  for (const f of [old, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
  return { counts };
}
