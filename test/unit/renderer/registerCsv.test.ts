import { describe, expect, it } from 'vitest';
import type { RegisterRow } from '../../../shared/api/schemas';
import { BOM } from '../../../renderer/src/lib/csv';
import { buildSearchIndex, compileFilter, filterIndices, sortRows } from '../../../shared/register/filters';
import { clockLabels, orderedFlags } from '../../../renderer/src/pages/register/cells';
import { identifyingData, registerCsv, registerCsvFileName } from '../../../renderer/src/pages/register/csv';
import { COLUMN_IDS, DEFAULT_COLUMN_VISIBILITY, DEFAULT_FILTERS, type ColumnId, type RegisterFilters } from '../../../renderer/src/pages/register/view';

let nextId = 1;
function row(p: Partial<RegisterRow> = {}): RegisterRow {
  const id = nextId++;
  return {
    caseId: id, reference: `CME-2026-${String(id).padStart(4, '0')}`, ragMovement: null, register: 'CME', status: 'referred', childId: id,
    forenames: 'Alex', surname: 'Brown', knownAs: null, postcode: null, formerNames: null, upn: null, dateOfBirth: '2014-05-01', ageYears: 11, yearGroup: 7,
    dateNotified: '2026-01-10', rag: null, leadOfficerId: null, leadOfficerName: null, school: null, flags: [], daysOpen: 10, dueForPanel: false,
    longTerm: false, endOfCsaReached: false, concerns: 0, urgency: 'routine', closedOn: null, closureReason: null, ...p,
  };
}

const john = row({ reference: 'CME-2026-0042', forenames: 'John', surname: 'Smith', knownAs: 'Jonno', upn: 'A12345678901B', leadOfficerId: 7, leadOfficerName: 'Priya Shah', school: 'Oak Primary', rag: 'red', flags: ['ehcp', 'lookedAfter'], dueForPanel: true, dateNotified: '2026-03-02', daysOpen: 1234 });
const zoe = row({ reference: 'PMOE-2026-0007', register: 'PMOE', forenames: 'Zoë Anne', surname: "O'Neill-Hart", status: 'checks', rag: 'amber', school: 'Elm, "the" Academy', longTerm: true, concerns: 2, dateOfBirth: '2012-11-30' });
const formula = row({ reference: 'CME-2026-0050', forenames: '=HYPERLINK("http://x")', surname: '+Evil', school: '@risk', rag: 'green' });
const closed = row({ reference: 'CME-2025-0100', forenames: 'Mia', surname: 'Jones', status: 'closed', closedOn: '2025-12-01', closureReason: 'on_roll_attending', endOfCsaReached: true, flags: ['fsm'] });
const ALL = [john, zoe, formula, closed];

const visible = (cols: Partial<Record<ColumnId, boolean>> = {}): ColumnId[] => COLUMN_IDS.filter((c) => ({ ...DEFAULT_COLUMN_VISIBILITY, ...cols })[c]);
const lines = (text: string) => text.slice(BOM.length).split('\r\n').slice(0, -1);
/** What the page does: filter, then sort, then export the rows in that order. */
function shown(f: Partial<RegisterFilters>, sorting: { id: ColumnId; desc: boolean }[] = []): RegisterRow[] {
  const kept = filterIndices(ALL, compileFilter({ ...DEFAULT_FILTERS, ...f }, buildSearchIndex(ALL))).map((i) => ALL[i]!);
  return sortRows(kept, sorting);
}

describe('register CSV', () => {
  it('the header follows the visible columns, in the order shown', () => {
    expect(lines(registerCsv([], visible()))[0]).toBe('Reference,Child,Age / year,Register,Status,RAG,Lead officer,School,Notified,Days open,Clocks,Flags');
    expect(lines(registerCsv([], visible({ school: false, clocks: false, flags: false, upn: true, dateOfBirth: true })))[0]).toBe(
      'Reference,Child,Age / year,Register,Status,RAG,Lead officer,Notified,Days open,UPN,Date of birth',
    );
    expect(registerCsv([], ['reference'])).toBe(`${BOM}Reference\r\n`);
  });

  it('holds the filtered rows only, in the current sort', () => {
    const out = lines(registerCsv(shown({ register: 'CME', status: 'open' }, [{ id: 'reference', desc: true }]), ['reference']));
    expect(out).toEqual(['Reference', 'CME-2026-0050', 'CME-2026-0042']);
    expect(lines(registerCsv(shown({ status: 'all', search: 'jonno' }), ['reference', 'child']))).toEqual(['Reference,Child', 'CME-2026-0042,"Smith, John (known as Jonno)"']);
  });

  it('words each value as on screen: UK dates, labels not codes, RAG words', () => {
    const text = registerCsv([john, zoe, closed], COLUMN_IDS);
    expect(text.startsWith(BOM)).toBe(true);
    const [head, j, z, c] = lines(text);
    expect(head).toBe('Reference,Child,Age / year,Register,Status,RAG,Lead officer,School,Notified,Days open,Clocks,Flags,UPN,Date of birth,Closed on,Closure reason');
    expect(j).toBe('CME-2026-0042,"Smith, John (known as Jonno)",11 · Year 7,CME,Referred,Red,Priya Shah,Oak Primary,02/03/2026,1234,Due for panel,Looked after; EHCP,A12345678901B,01/05/2014,,');
    expect(z).toBe(`PMOE-2026-0007,"O'Neill-Hart, Zoë Anne",11 · Year 7,PMOE,Checks under way,Amber,Unallocated,"Elm, ""the"" Academy",10/01/2026,10,Long-term; 2 criteria of concern,,,30/11/2012,,`);
    expect(c).toMatch(/^CME-2025-0100,"Jones, Mia",.*,Closed,Not rated,Unallocated,,10\/01\/2026,10,End of CSA,Free school meals,,01\/05\/2014,01\/12\/2025,[^,]+$/);
    expect(c).not.toContain('on_roll_attending');
  });

  it('neutralises a name (or any text) a spreadsheet would run as a formula', () => {
    const [, r] = lines(registerCsv([formula], ['reference', 'child', 'school']));
    expect(r).toBe(`CME-2026-0050,"'+Evil, =HYPERLINK(""http://x"")",'@risk`);
    expect(lines(registerCsv([row({ surname: '=cmd|calc', forenames: 'A' })], ['child']))[1]).toBe(`"'=cmd|calc, A"`);
    expect(lines(registerCsv([row({ upn: '-1+1' })], ['upn']))[1]).toBe(`'-1+1`);
  });

  it('clocks and flags in the screen’s order and words', () => {
    expect(orderedFlags(['fsm', 'ehcp', 'childProtectionPlan'])).toEqual(['childProtectionPlan', 'ehcp', 'fsm']);
    expect(clockLabels(row({ register: 'PMOE', concerns: 1 }))).toEqual(['1 criterion of concern']);
    expect(clockLabels(row({ register: 'CME', concerns: 3 }))).toEqual([]);
  });
});

describe('register CSV file name', () => {
  const f = (p: Partial<RegisterFilters> = {}): RegisterFilters => ({ ...DEFAULT_FILTERS, ...p });
  it.each<[Partial<RegisterFilters>, string]>([
    [{ register: 'CME' }, 'register-cme-open-2026-11-25.csv'],
    [{}, 'register-open-2026-11-25.csv'],
    [{ status: 'all' }, 'register-2026-11-25.csv'],
    [{ register: 'PMOE', status: 'at_panel', rag: 'red' }, 'register-pmoe-at-panel-red-2026-11-25.csv'],
    [{ rag: 'none' }, 'register-open-not-rated-2026-11-25.csv'],
    [{ register: 'CME', search: 'smith' }, 'register-cme-open-filtered-2026-11-25.csv'],
    [{ search: '   ' }, 'register-open-2026-11-25.csv'],
    [{ dueForPanel: true }, 'register-open-filtered-2026-11-25.csv'],
    [{ officer: 7 }, 'register-open-filtered-2026-11-25.csv'],
  ])('%j → %s', (p, expected) => {
    expect(registerCsvFileName(f(p), '2026-11-25')).toBe(expected);
  });
});

describe('the confirmation names the identifying columns', () => {
  it.each<[ColumnId[], string | null]>([
    [['reference', 'child'], 'names'],
    [['reference', 'child', 'upn', 'dateOfBirth'], 'names, dates of birth and UPNs'],
    [['upn', 'dateOfBirth'], 'dates of birth and UPNs'],
    [['reference', 'rag'], null],
  ])('%j → %j', (cols, expected) => {
    expect(identifyingData(cols)).toBe(expected);
  });
});
