import fs from 'node:fs';
import { createCipheriv, createDecipheriv, randomBytes, randomUUID, scryptSync } from 'node:crypto';

/**
 * The keyring: wrapped copies of the register's key, in a small JSON file beside the register
 * (`<register>.keyring.json`), readable before the register is unlocked. Each user's password
 * (scrypt) and the printed recovery key wrap one copy with AES-256-GCM; adding or removing a user
 * adds or drops a copy and never re-encrypts the register. Nothing here is a key in clear. Who
 * may do what (users and roles) is decided inside the encrypted register; the keyring only lets
 * a person with a right password open it. It also counts failed sign-ins, which must be known
 * (and slowed down) while the register is still locked.
 */
export interface WrappedKey {
  kdf: 'scrypt';
  /** scrypt cost (N), block size (r), parallelism (p). */
  n: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  data: string;
}

export interface KeyringUser {
  /** users.id inside the register. */
  userId: number;
  /** As typed at sign-in; matched with sameUserName. */
  name: string;
  wrapped: WrappedKey;
}

export interface FailedSignIn {
  at: string;
  name: string;
}

export interface Keyring {
  format: 'panel-keyring';
  version: 1;
  /** Binds every wrapped copy to this register (the GCM associated data), so copies can't be moved between keyrings. */
  registerId: string;
  users: KeyringUser[];
  recovery: WrappedKey | null;
  /** Failed sign-ins in a row, per user name (normalised): what the growing delay is worked out from. */
  failures: Record<string, { count: number; lastAt: string }>;
  /** Failed sign-ins not yet written to the register's audit trail (moved there at the next unlock). */
  unrecorded: FailedSignIn[];
}

/** scrypt N = 2^15, r = 8: about 0.1 s and 32 MiB per attempt, which is what makes guessing slow. */
export const SCRYPT = { n: 2 ** 15, r: 8, p: 1 } as const;
const MAXMEM = 128 * SCRYPT.n * SCRYPT.r * 2;
const MAX_UNRECORDED = 200;

export const keyringPath = (dbPath: string): string => `${dbPath}.keyring.json`;

export const normaliseUserName = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();
export const sameUserName = (a: string, b: string): boolean => normaliseUserName(a) === normaliseUserName(b);

export function newKeyring(): Keyring {
  return { format: 'panel-keyring', version: 1, registerId: randomUUID(), users: [], recovery: null, failures: {}, unrecorded: [] };
}

export function readKeyring(file: string): Keyring | null {
  if (!fs.existsSync(file)) return null;
  let parsed: Keyring;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Keyring;
  } catch (err) {
    throw new Error(`The register's keyring (${file}) can't be read: ${(err as Error).message}. Restore it from a backup of the same register.`, { cause: err });
  }
  if (parsed.format !== 'panel-keyring' || parsed.version !== 1 || !Array.isArray(parsed.users)) {
    throw new Error(`${file} is not a Panel keyring this version understands.`);
  }
  return { ...parsed, failures: parsed.failures ?? {}, unrecorded: parsed.unrecorded ?? [] };
}

/** Written whole to a temporary file, flushed, then renamed over the old one: never half a keyring. */
export function writeKeyring(file: string, keyring: Keyring): void {
  // Named for this process: a command-line tool and the app may write the same keyring at once.
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(keyring, null, 2) + '\n');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fs.chmodSync(file, 0o600);
}

const aad = (keyring: Keyring, label: string) => Buffer.from(`panel-keyring:${keyring.registerId}:${label}`, 'utf8');

const derive = (secret: string, salt: Buffer, p: { n: number; r: number; p: number }) =>
  scryptSync(secret.normalize('NFC'), salt, 32, { N: p.n, r: p.r, p: p.p, maxmem: Math.max(MAXMEM, 128 * p.n * p.r * 2) });

export function wrapKey(keyring: Keyring, label: string, secret: string, key: Buffer): WrappedKey {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = derive(secret, salt, SCRYPT);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad(keyring, label));
  const data = Buffer.concat([cipher.update(key), cipher.final()]);
  return { kdf: 'scrypt', ...SCRYPT, salt: salt.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** The register key, or null when the secret is wrong (the GCM tag does not verify). */
export function unwrapKey(keyring: Keyring, label: string, secret: string, wrapped: WrappedKey): Buffer | null {
  const kek = derive(secret, Buffer.from(wrapped.salt, 'base64'), wrapped);
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
  decipher.setAAD(aad(keyring, label));
  decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(wrapped.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

export const userLabel = (userId: number) => `user:${userId}`;
export const RECOVERY_LABEL = 'recovery';

export function setUserKey(keyring: Keyring, user: { userId: number; name: string }, password: string, key: Buffer): Keyring {
  return putUserKey(keyring, user, wrapKey(keyring, userLabel(user.userId), password, key));
}

/** A user's copy of the key, wrapped already (for this keyring's registerId), in place of any they had. */
export function putUserKey(keyring: Keyring, user: { userId: number; name: string }, wrapped: WrappedKey): Keyring {
  return { ...keyring, users: [...keyring.users.filter((u) => u.userId !== user.userId), { userId: user.userId, name: user.name, wrapped }] };
}

export const dropUserKey = (keyring: Keyring, userId: number): Keyring => ({ ...keyring, users: keyring.users.filter((u) => u.userId !== userId) });

export const findUser = (keyring: Keyring, name: string): KeyringUser | undefined => keyring.users.find((u) => sameUserName(u.name, name));

/**
 * A recovery key to print: 32 random bytes as 13 groups of 4 letters and digits (Crockford base32,
 * no I, L, O or U, so it reads back unambiguously off paper).
 */
const B32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function newRecoveryKey(): string {
  const bytes = randomBytes(32);
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += B32[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  return out.match(/.{1,4}/g)!.join('-');
}

/** What a person types back: case, spaces and dashes don't matter, and O/I/L read as 0/1/1. */
export const normaliseRecoveryKey = (typed: string): string => {
  const clean = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return (clean.match(/.{1,4}/g) ?? []).join('-');
};

export function recordFailure(keyring: Keyring, name: string, at: string): Keyring {
  const key = normaliseUserName(name);
  const prev = keyring.failures[key];
  return {
    ...keyring,
    failures: { ...keyring.failures, [key]: { count: (prev?.count ?? 0) + 1, lastAt: at } },
    unrecorded: [...keyring.unrecorded, { at, name: name.trim().slice(0, 80) }].slice(-MAX_UNRECORDED),
  };
}

export function clearFailures(keyring: Keyring, name: string): Keyring {
  const failures = { ...keyring.failures };
  delete failures[normaliseUserName(name)];
  return { ...keyring, failures };
}
