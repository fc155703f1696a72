import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as K from '../../../db/keyring';
import { encryptPlainRegister, isPlainDatabase } from '../../../db/encryption';
import { FIRST_WAIT_SECONDS, MAX_WAIT_SECONDS, secondsToWait, waitSecondsAfter } from '../../../electron/session/throttle';
import { cmeReferral, openTestApp, tempDir } from '../../helpers/tempDb';

describe('key wrapping (db/keyring.ts)', () => {
  const key = randomBytes(32);

  it('unwraps with the right password only, and a copy is bound to its keyring and user', () => {
    const kr = K.setUserKey(K.newKeyring(), { userId: 3, name: 'Priya Shah' }, 'copper kettle morning', key);
    const entry = K.findUser(kr, '  priya   SHAH ')!;
    expect(entry.userId).toBe(3);
    expect(K.unwrapKey(kr, K.userLabel(3), 'copper kettle morning', entry.wrapped)).toEqual(key);
    expect(K.unwrapKey(kr, K.userLabel(3), 'Copper kettle morning', entry.wrapped)).toBeNull();
    // Moved to another user's slot, or to another register's keyring, the copy no longer opens.
    expect(K.unwrapKey(kr, K.userLabel(4), 'copper kettle morning', entry.wrapped)).toBeNull();
    expect(K.unwrapKey(K.newKeyring(), K.userLabel(3), 'copper kettle morning', entry.wrapped)).toBeNull();
    // The file holds no key in clear: neither the key's bytes nor its hex.
    const json = JSON.stringify(kr);
    expect(json).not.toContain(key.toString('hex'));
    expect(json).not.toContain(key.toString('base64'));
  });

  it('drops one user without touching the others', () => {
    let kr = K.setUserKey(K.newKeyring(), { userId: 1, name: 'A Manager' }, 'first long password', key);
    kr = K.setUserKey(kr, { userId: 2, name: 'An Officer' }, 'second long password', key);
    kr = K.dropUserKey(kr, 2);
    expect(kr.users.map((u) => u.userId)).toEqual([1]);
    expect(K.unwrapKey(kr, K.userLabel(1), 'first long password', kr.users[0]!.wrapped)).toEqual(key);
  });

  it.each([
    ['as printed', (k: string) => k],
    ['lower case, spaces for dashes', (k: string) => k.toLowerCase().replace(/-/g, ' ')],
    ['no separators', (k: string) => k.replace(/-/g, '')],
    ['O for 0 and l for 1', (k: string) => k.replace(/0/g, 'O').replace(/1/g, 'l')],
  ])('reads back a recovery key typed %s', (_how, typed) => {
    const recovery = K.newRecoveryKey();
    expect(recovery).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){12}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(K.normaliseRecoveryKey(typed(recovery))).toBe(recovery);
  });

  it('writes the keyring whole and private (0600)', () => {
    const file = path.join(tempDir('panel-keyring-'), 'panel.db.keyring.json');
    K.writeKeyring(file, K.newKeyring());
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(K.readKeyring(file)).toMatchObject({ format: 'panel-keyring', version: 1, users: [] });
    // The temporary copy (named for the writing process, so the app and a command-line tool never share one) is gone.
    expect(fs.readdirSync(path.dirname(file))).toEqual(['panel.db.keyring.json']);
  });
});

describe('the growing delay after wrong passwords (electron/session/throttle.ts)', () => {
  it.each([
    [0, 0], [1, 0], [2, 0], [3, FIRST_WAIT_SECONDS], [4, 10], [5, 20], [6, 40], [8, 160], [9, MAX_WAIT_SECONDS], [50, MAX_WAIT_SECONDS],
  ])('after %i wrong in a row, waits %i s', (failures, seconds) => {
    expect(waitSecondsAfter(failures)).toBe(seconds);
  });

  const last = '2026-11-25T10:00:00.000Z';
  const at = (ms: number) => Date.parse(last) + ms;
  it.each([
    ['no failures', undefined, 0, 0],
    ['two failures, at once', { count: 2, lastAt: last }, 0, 0],
    ['three failures, at once', { count: 3, lastAt: last }, 0, 5],
    ['three failures, 4.001 s on', { count: 3, lastAt: last }, 4_001, 1],
    ['three failures, exactly 5 s on', { count: 3, lastAt: last }, 5_000, 0],
    ['four failures, 5 s on', { count: 4, lastAt: last }, 5_000, 5],
  ])('%s: %i s to wait', (_label, failure, ms, expected) => {
    expect(secondsToWait(failure, at(ms))).toBe(expected);
  });
});

describe('encrypting a plain register in place', () => {
  it('leaves the plain register exactly as it was when the encryption fails', () => {
    const file = path.join(tempDir('panel-encrypt-'), 'panel.db');
    const app = openTestApp({ file });
    app.ok('referrals.create', cmeReferral());
    app.close();
    const before = fs.readFileSync(file);
    // A key of the wrong length is refused at the check of the copy, after the copy was made.
    expect(() => encryptPlainRegister(file, randomBytes(16))).toThrow(/could not encrypt the register .* has not been changed/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(isPlainDatabase(file)).toBe(true);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => /encrypting|plain-old/.test(f))).toEqual([]);
  });
});
