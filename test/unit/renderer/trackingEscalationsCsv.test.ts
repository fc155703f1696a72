import { describe, expect, it } from 'vitest';
import { BOM } from '../../../renderer/src/lib/csv';
import { DEFAULT_ESCALATION_FILTERS, filterEscalations, type EscalationFilters } from '../../../renderer/src/pages/tracking/escalations';
import { ESCALATION_CSV_HEADER, escalationsCsv, escalationsCsvFileName } from '../../../renderer/src/pages/tracking/escalationsCsv';
import { chain, step } from '../../helpers/escalationRows';

const fresh = chain([step({ responseDue: '2026-02-10' })], { caseReference: 'CME-2026-0001', caseName: 'Zoë Brown', responseOverdue: true, ageDays: 30 });
const climbed = chain(
  [
    step({ status: 'escalated', raisedBy: 'Dan Webb', raisedOn: '2026-01-05', response: 'Not ours' }),
    step({ level: 2, levelTitle: 'Relevant Head of Service', status: 'responded', escalatedTo: 'Jo Bloggs', raisedBy: 'Priya Shah', raisedOn: '2026-02-02', responseDue: '2026-02-16', response: '=Will call, the "school"', respondedOn: '2026-02-12' }),
  ],
  { caseReference: 'CME-2026-0010', caseName: 'Sam Green', reason: 'school_duties', ageDays: 20 },
);
const settled = chain([step({ status: 'resolved', resolvedOn: '2026-02-03', outcome: 'Back on roll', raisedBy: 'Sam Lee' })], { caseReference: 'PMOE-2026-0002', caseName: 'Mia Jones', register: 'PMOE', reason: 'safeguarding', ageDays: 2, canEscalate: false });

const lines = (text: string) => text.slice(BOM.length).split('\r\n').slice(0, -1);

describe('escalation log CSV', () => {
  it('has the log’s columns, a BOM and CRLF line ends', () => {
    const text = escalationsCsv([]);
    expect(text).toBe(`${BOM}${ESCALATION_CSV_HEADER.join(',')}\r\n`);
    expect(ESCALATION_CSV_HEADER).toEqual([
      'Case', 'Register', 'Level', 'Escalated to', 'Reason', 'Raised on', 'Raised by', 'Response due', 'Status', 'Response', 'Responded on', 'Resolved on', 'Days open',
    ]);
  });

  it('one line per chain: where it stands now, raised when and by whom it started; UK dates, labels', () => {
    const [, a, b, c] = lines(escalationsCsv([fresh, climbed, settled]));
    expect(a).toBe('CME-2026-0001,CME,1 — Inclusion Officer,,Intractable / no progress,01/02/2026,Priya Shah,10/02/2026,Open,,,,30');
    expect(b).toBe(
      'CME-2026-0010,CME,2 — Relevant Head of Service,Jo Bloggs,School not meeting its duties (e.g. deleting a pupil from roll),05/01/2026,Dan Webb,16/02/2026,Responded,"\'=Will call, the ""school""",12/02/2026,,20',
    );
    expect(c).toBe('PMOE-2026-0002,PMOE,1 — Inclusion Officer,,Safeguarding concern,01/02/2026,Sam Lee,,Resolved,,,03/02/2026,2');
  });

  it('case references, never the child’s name', () => {
    const text = escalationsCsv([fresh, climbed, settled]);
    for (const name of ['Zoë', 'Brown', 'Sam Green', 'Mia Jones']) expect(text).not.toContain(name);
  });

  it('exports the rows shown: filtered', () => {
    const shown = filterEscalations([fresh, climbed, settled], { ...DEFAULT_ESCALATION_FILTERS, reason: 'school_duties' });
    expect(lines(escalationsCsv(shown)).map((l) => l.split(',')[0])).toEqual(['Case', 'CME-2026-0010']);
  });

  it.each<[Partial<EscalationFilters>, string]>([
    [{}, 'escalation-log-open-2026-11-25.csv'],
    [{ status: 'all' }, 'escalation-log-all-2026-11-25.csv'],
    [{ status: 'resolved', level: 2 }, 'escalation-log-resolved-filtered-2026-11-25.csv'],
    [{ overdueOnly: true }, 'escalation-log-open-filtered-2026-11-25.csv'],
  ])('file name for %j', (p, expected) => {
    expect(escalationsCsvFileName({ ...DEFAULT_ESCALATION_FILTERS, ...p }, '2026-11-25')).toBe(expected);
  });
});
