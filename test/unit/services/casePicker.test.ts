import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { type TestApp, openDemoTestApp } from '../../helpers/tempDb';
import type { RegisterRow } from '../../../shared/api/schemas';
import type { PickedCase } from '../../../shared/api/register';

// Issue 12: the tracking screens' case pickers search on the host (register.pick) instead of loading
// every register row. Checked against the register's own rows on the demo register.
describe('register.pick', () => {
  const TODAY = '2026-11-25';
  let app: TestApp;
  let rows: RegisterRow[];
  beforeAll(() => {
    app = openDemoTestApp(TODAY);
    rows = app.ok('register.list');
  });
  afterAll(() => app.close());

  const pick = (search: string, limit = 20) => app.ok('register.pick', { search, limit }) as { cases: PickedCase[]; more: boolean };
  /** Open first, then newest notified, then newest id: the picker's order. */
  const inPickerOrder = (xs: RegisterRow[]) =>
    [...xs].sort((a, b) => Number(a.status === 'closed') - Number(b.status === 'closed') || b.dateNotified.localeCompare(a.dateNotified) || b.caseId - a.caseId);

  it('finds a case by its reference however it is typed, exact match first', () => {
    const k = rows.find((r) => r.register === 'CME' && /-00\d\d$/.test(r.reference))!;
    const [, year, seq] = k.reference.split('-') as [string, string, string];
    for (const typed of [k.reference, k.reference.toLowerCase(), `cme ${year} ${Number(seq)}`, `CME${year}${seq}`, `  ${k.reference}  `]) {
      expect(pick(typed).cases[0], typed).toMatchObject({ caseId: k.caseId, reference: k.reference, forenames: k.forenames, surname: k.surname, dateOfBirth: k.dateOfBirth });
    }
  });

  it('lists the cases whose reference starts with what is typed, in the picker\'s order, and says when there are more', () => {
    const prefix = rows.find((r) => r.register === 'PMOE')!.reference.slice(0, 'PMOE-2026'.length);
    const all = inPickerOrder(rows.filter((r) => r.reference.startsWith(prefix)));
    expect(all.length).toBeGreaterThan(5);
    const got = pick(prefix.toLowerCase(), 5);
    expect(got.cases.map((c) => c.reference)).toEqual(all.slice(0, 5).map((r) => r.reference));
    expect(got.more).toBe(true);
  });

  it('finds children by the start of a forename or surname, every other word in their names, as the register rows say', () => {
    const child = rows.find((r) => r.surname.length > 4)!;
    const key = (r: RegisterRow) => `${r.forenames} ${r.surname} ${r.knownAs ?? ''} ${r.formerNames ?? ''}`.toLowerCase();
    const starts = (r: RegisterRow, w: string) => r.surname.toLowerCase().startsWith(w) || r.forenames.toLowerCase().startsWith(w);
    for (const typed of [child.surname.slice(0, 3), `${child.forenames} ${child.surname}`, `${child.surname.toUpperCase()} ${child.forenames.slice(0, 2)}`]) {
      const [first, ...others] = typed.toLowerCase().split(' ') as [string, ...string[]];
      const expected = inPickerOrder(rows.filter((r) => starts(r, first) && others.every((w) => key(r).includes(w))));
      const got = pick(typed);
      expect(got.cases.map((c) => c.caseId), typed).toEqual(expected.slice(0, 20).map((r) => r.caseId));
      expect(got.more).toBe(expected.length > 20);
      expect(got.cases.map((c) => c.caseId)).toContain(child.caseId);
    }
  });

  it('finds a child by UPN', () => {
    const withUpn = rows.find((r) => r.upn !== null)!;
    expect(pick(withUpn.upn!.toLowerCase()).cases.map((c) => c.caseId)).toContain(withUpn.caseId);
  });

  it('lists closed cases after open ones and names the lead officer', () => {
    const closedChild = rows.find((r) => r.status === 'closed' && rows.some((o) => o.childId === r.childId && o.status !== 'closed'))!;
    const got = pick(`${closedChild.forenames} ${closedChild.surname}`).cases.filter((c) => c.forenames === closedChild.forenames && c.surname === closedChild.surname);
    const firstClosed = got.findIndex((c) => c.status === 'closed');
    expect(firstClosed).toBeGreaterThan(0);
    expect(got.slice(firstClosed).every((c) => c.status === 'closed')).toBe(true);
    const led = rows.find((r) => r.leadOfficerName !== null)!;
    expect(pick(led.reference).cases[0]!.leadOfficerName).toBe(led.leadOfficerName);
  });

  it('finds nothing for nothing, or for text no child or reference starts with', () => {
    expect(pick('   ')).toEqual({ cases: [], more: false });
    expect(pick('Zzqx')).toEqual({ cases: [], more: false });
    expect(pick('CME-1999-0001')).toEqual({ cases: [], more: false });
    expect(pick("100% _ o'")).toEqual({ cases: [], more: false });
  });

  it('refuses a search that is too long or a limit above the most it lists, naming the field', () => {
    const long = app.dispatch('register.pick', { search: 'x'.repeat(101) });
    expect(long.ok).toBe(false);
    if (!long.ok) expect(`${long.error.field ?? ''} ${long.error.message}`).toMatch(/search/);
    const many = app.dispatch('register.pick', { search: 'a', limit: 21 });
    expect(many.ok).toBe(false);
    if (!many.ok) expect(`${many.error.field ?? ''} ${many.error.message}`).toMatch(/limit/);
  });
});
