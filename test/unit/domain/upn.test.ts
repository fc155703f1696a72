import { describe, it, expect } from 'vitest';
import {
  isValidUpn,
  upnProblem,
  upnCheckLetter,
  normaliseUpn,
  isTemporaryUpn,
  UPN_CHECK_LETTERS,
} from '../../../shared/domain/upn';

/*
 * Worked by hand (char n × weight n for n = 2..13, sum mod 23, table ABCDEFGHJKLMNPQRTUVWXYZ):
 *
 * H801200001001 (example in the DfE UPN guidance):
 *   8×2 + 0×3 + 1×4 + 2×5 + 0×6 + 0×7 + 0×8 + 0×9 + 1×10 + 0×11 + 0×12 + 1×13
 *   = 16 + 4 + 10 + 10 + 13 = 53; 53 mod 23 = 7 → H
 * B801200005001: 16 + 4 + 10 + 5×10 + 1×13 = 93; 93 mod 23 = 1 → B
 * G80120000101A (temporary UPN, DfE guidance example): 16 + 4 + 10 + 1×10 + 1×12 + A(0)×13 = 52;
 *   52 mod 23 = 6 → G
 * F209400012345: 2×2 + 0×3 + 9×4 + 4×5 + 0×6 + 0×7 + 0×8 + 1×9 + 2×10 + 3×11 + 4×12 + 5×13
 *   = 4 + 36 + 20 + 9 + 20 + 33 + 48 + 65 = 235; 235 mod 23 = 5 → F
 * W20940001234Z (temporary): 4 + 36 + 20 + 9 + 20 + 33 + 48 + Z(22)×13 = 170 + 286 = 456;
 *   456 mod 23 = 19 → W
 */

describe('upnCheckLetter', () => {
  it.each([
    ['801200001001', 'H'],
    ['801200005001', 'B'],
    ['80120000101A', 'G'],
    ['209400012345', 'F'],
    ['20940001234Z', 'W'],
    ['20940001234z', 'W'],
    ['000000000000', 'A'],
  ])('%s → %s', (twelve, letter) => {
    expect(upnCheckLetter(twelve)).toBe(letter);
  });

  it.each(['80120000100', '8012000010011', '80120000A001', '8012000010-1'])('throws for %j', (s) => {
    expect(() => upnCheckLetter(s)).toThrow(RangeError);
  });

  it('the table has 23 letters and no I, O or S', () => {
    expect(UPN_CHECK_LETTERS).toHaveLength(23);
    expect(UPN_CHECK_LETTERS).not.toMatch(/[IOS]/);
  });
});

describe('isValidUpn / upnProblem', () => {
  it.each([
    ['H801200001001'],
    ['B801200005001'],
    ['F209400012345'],
    ['G80120000101A'], // temporary UPN, letter in position 13
    ['W20940001234Z'],
    ['h801200001001'], // lower case
    ['g80120000101a'],
    ['  B801200005001  '], // surrounding spaces
  ])('%j is valid', (upn) => {
    expect(upnProblem(upn)).toBeNull();
    expect(isValidUpn(upn)).toBe(true);
  });

  it.each([
    ['Z801200001001', 'The check letter should be H, not Z'],
    ['A801200005001', 'The check letter should be B, not A'],
    ['H801200001002', 'The check letter should be X, not H'],
    ['I801200001001', 'Character 1 of a UPN must be a check letter; the check letter should be H'],
    ['1801200001001', 'Character 1 of a UPN must be a check letter; the check letter should be H'],
    ['H80120000100', 'UPN must be 13 characters long (this has 12)'],
    ['H8012000010011', 'UPN must be 13 characters long (this has 14)'],
    ['', 'UPN is empty'],
    ['   ', 'UPN is empty'],
    ['X80120000A001', 'Characters 2 to 12 of a UPN must all be digits'],
    ['HA01200001001', 'Characters 2 to 12 of a UPN must all be digits'],
    ['H8012 0001001', 'Characters 2 to 12 of a UPN must all be digits'],
    ['H80120000100I', 'Character 13 of a UPN must be a digit, or a letter other than I, O or S (temporary UPN)'],
    ['H80120000100-', 'Character 13 of a UPN must be a digit, or a letter other than I, O or S (temporary UPN)'],
  ])('%j → %j', (upn, problem) => {
    expect(upnProblem(upn)).toBe(problem);
    expect(isValidUpn(upn)).toBe(false);
  });
});

describe('normaliseUpn', () => {
  it.each([
    [' h801200001001 ', 'H801200001001'],
    ['g80120000101a', 'G80120000101A'],
    ['H801200001001', 'H801200001001'],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseUpn(raw)).toBe(expected);
  });
});

describe('isTemporaryUpn', () => {
  it.each([
    ['G80120000101A', true],
    ['H801200001001', false],
    ['Z80120000101A', false], // wrong check letter
  ])('%j → %s', (upn, expected) => {
    expect(isTemporaryUpn(upn)).toBe(expected);
  });
});

describe('round trip with generated UPNs', () => {
  it.each(['823400101001', '930100223456', '201300000001', '35301234567K'])('%s + its check letter is valid', (tail) => {
    const upn = upnCheckLetter(tail) + tail;
    expect(isValidUpn(upn)).toBe(true);
    // Any other first letter is wrong.
    const other = UPN_CHECK_LETTERS.split('').find((l) => l !== upn.charAt(0)) ?? 'A';
    expect(isValidUpn(other + tail)).toBe(false);
  });
});
