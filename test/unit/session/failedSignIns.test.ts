import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as K from '../../../db/keyring';
import { clearFailedSignIns, RECOVERY_KEY_NAME, recordFailedSignIn, refuseWhileThrottled, tooManyMessage, waitFor, waitingMessage } from '../../../electron/session/failedSignIns';
import { tempDir } from '../../helpers/tempDb';

// The one record of failed sign-ins that the app and the command line share (electron/session/failedSignIns.ts),
// on the rule in electron/session/throttle.ts.

const keyringFile = () => path.join(tempDir('panel-failures-'), 'panel.db.keyring.json');
const T0 = Date.parse('2026-12-03T09:00:00.000Z');
const iso = (ms: number) => new Date(T0 + ms).toISOString();

describe('recordFailedSignIn: counts in the keyring file, and the message says what the count now brings', () => {
  it.each([
    // [who, wrong tries already, message of the next wrong try]
    ['Priya Shah', 0, /^That name and password don't match\. Check both and try again \(passwords are case-sensitive\)\.$/],
    ['Priya Shah', 1, /^That name and password don't match\.[^W]*$/],
    ['Priya Shah', 2, /don't match\. .* Wait 5 seconds before trying again\.$/],
    ['Priya Shah', 3, /Wait 10 seconds before trying again\.$/],
    ['Priya Shah', 8, /Wait 300 seconds before trying again\.$/],
    [RECOVERY_KEY_NAME, 0, /^That recovery key is not right\. Check it against the printed copy/],
    [RECOVERY_KEY_NAME, 2, /recovery key is not right\. .* Wait 5 seconds before trying again\.$/],
  ] as const)('%s after %i wrong: %s', (name, before, message) => {
    const file = keyringFile();
    let kr = K.newKeyring();
    for (let i = 0; i < before; i++) kr = K.recordFailure(kr, name, iso(i * 1000));
    K.writeKeyring(file, kr);
    const refusal = recordFailedSignIn(file, name, iso(60_000));
    expect(refusal).toMatchObject({ code: 'forbidden', message: expect.stringMatching(message) });
    const saved = K.readKeyring(file)!;
    expect(saved.failures[K.normaliseUserName(name)]).toEqual({ count: before + 1, lastAt: iso(60_000) });
    expect(saved.unrecorded.at(-1)).toEqual({ at: iso(60_000), name });
  });
});

describe('the wait, refused in the app and waited out on the command line, in the same words', () => {
  const after = (count: number) => ({ ...K.newKeyring(), failures: { 'priya shah': { count, lastAt: iso(0) }, [RECOVERY_KEY_NAME]: { count, lastAt: iso(0) } } });
  it.each([
    // [wrong in a row, ms since the last, seconds to wait]
    [2, 0, 0], [3, 0, 5], [3, 4_999, 1], [3, 5_000, 0], [4, 1_000, 9], [9, 0, 300],
  ])('%i wrong, %i ms on: %i s', (count, ms, seconds) => {
    const kr = after(count);
    // Names are matched as at sign-in: case and spacing don't give a fresh count.
    expect(waitFor(kr, '  PRIYA   shah ', T0 + ms)).toBe(seconds);
    if (seconds === 0) expect(() => refuseWhileThrottled(kr, 'Priya Shah', T0 + ms)).not.toThrow();
    else expect(() => refuseWhileThrottled(kr, 'Priya Shah', T0 + ms)).toThrow(tooManyMessage('Priya Shah', seconds));
  });

  it.each([
    ['Priya Shah', 1, 'Too many wrong passwords for Priya Shah. Wait 1 second, then try again. If the password is forgotten, a manager can reset it.', 'Too many wrong passwords for Priya Shah. Waiting 1 second before trying this one (Ctrl+C to stop).'],
    [RECOVERY_KEY_NAME, 20, 'Too many wrong recovery keys. Wait 20 seconds, then try again.', 'Too many wrong recovery keys. Waiting 20 seconds before trying this one (Ctrl+C to stop).'],
  ])('%s, %i s', (name, seconds, refused, waiting) => {
    expect(tooManyMessage(name, seconds)).toBe(refused);
    expect(waitingMessage(name, seconds)).toBe(waiting);
  });

  it('a right password clears only its own count, and leaves a keyring with nothing to clear unwritten', () => {
    const file = keyringFile();
    const kr = after(3);
    K.writeKeyring(file, kr);
    clearFailedSignIns(file, ['Priya Shah']);
    expect(Object.keys(K.readKeyring(file)!.failures)).toEqual([RECOVERY_KEY_NAME]);
    fs.utimesSync(file, 0, 0);
    clearFailedSignIns(file, ['Someone Else']);
    expect(fs.statSync(file).mtimeMs).toBe(0);
  });
});
