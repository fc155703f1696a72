import { describe, expect, it } from 'vitest';
import type { TrackerAction } from '../../../shared/api/trackingSchemas';
import { BOM, csvCell, fileNamePart, toCsv } from '../../../renderer/src/lib/csv';
import { ACTION_CSV_HEADER, actionsCsv, actionsCsvFileName } from '../../../renderer/src/pages/tracking/csv';

function action(p: Partial<TrackerAction>): TrackerAction {
  return {
    id: 1, caseId: 1, caseReference: 'CME-2026-0042', meetingId: null, agendaItemId: null, text: 'Home visit', ownerId: 7, ownerName: 'Priya Shah',
    dueDate: '2026-03-05', status: 'open', carriedCount: 0, completedOn: null, completionNote: null, raisedOn: '2026-02-01', reviewedHere: null,
    caseName: 'Zoë Brown', ownerTeam: 'inclusion', panelName: null, overdue: false, dueThisWeek: false, carriedTooOften: false, suggestion: null, ...p,
  };
}

describe('csv cells', () => {
  it.each<[string | number | null | undefined, string]>([
    ['plain', 'plain'],
    [42, '42'],
    [null, ''],
    [undefined, ''],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded ', '" padded "'],
    ['Zoë O’Neill', 'Zoë O’Neill'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+44 20', "'+44 20"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
  ])('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('csv file', () => {
  it('starts with a BOM and ends every line with CRLF', () => {
    const text = toCsv(['A', 'B'], [['1', '2'], ['x,y', null]]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.slice(1)).toBe('A,B\r\n1,2\r\n"x,y",\r\n');
  });

  it('numbers stay numbers (a negative one is not text to neutralise)', () => {
    expect(toCsv(['n'], [[-3], [1234]]).slice(1)).toBe('n\r\n-3\r\n1234\r\n');
  });

  it.each([
    ['CME', 'cme'],
    ['At panel', 'at-panel'],
    ['Zoë O’Neill', 'zoe-o-neill'],
    ['  --  ', ''],
  ])('file name part of %j is %j', (s, expected) => {
    expect(fileNamePart(s)).toBe(expected);
  });

  it('actions: Case, Action, Owner, Due, Status with UK dates, no child names', () => {
    const text = actionsCsv([
      action({}),
      action({ caseReference: 'PMOE-2026-0007', text: 'Call "Elm" school, then write', ownerName: null, dueDate: '2026-12-31', status: 'carried_forward' }),
      action({ status: 'dropped', dueDate: '2026-01-09' }),
    ]);
    expect(ACTION_CSV_HEADER).toEqual(['Case', 'Action', 'Owner', 'Due', 'Status']);
    expect(text).toBe(
      `${BOM}Case,Action,Owner,Due,Status\r\n` +
        'CME-2026-0042,Home visit,Priya Shah,05/03/2026,Open\r\n' +
        'PMOE-2026-0007,"Call ""Elm"" school, then write",Unassigned,31/12/2026,Carried forward\r\n' +
        'CME-2026-0042,Home visit,Priya Shah,09/01/2026,No longer needed\r\n',
    );
    expect(text).not.toContain('Zoë');
  });

  it('an empty list is just the header', () => {
    expect(actionsCsv([])).toBe(`${BOM}Case,Action,Owner,Due,Status\r\n`);
  });

  it.each([
    ['Priya Shah', 'actions-priya-shah-2026-03-02.csv'],
    ['Zoë O’Neill-Hart', 'actions-zoe-o-neill-hart-2026-03-02.csv'],
    [null, 'actions-everyone-2026-03-02.csv'],
    ['***', 'actions-officer-2026-03-02.csv'],
  ])('file name for %j', (name, expected) => {
    expect(actionsCsvFileName(name, '2026-03-02')).toBe(expected);
  });
});
