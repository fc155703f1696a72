import { describe, it, expect } from 'vitest';
import { archiveProblems, type ArchiveCase, type ArchiveDecision } from '../../../shared/domain/archiving';

// 001 §6.2: six months open, the archiving form completed, the named Commissioning Director decides.
const k: ArchiveCase = { reference: 'CME-2026-0007', register: 'CME', status: 'at_panel', dateNotified: '2026-03-31', archived: false };
const ok: ArchiveDecision = { formCompletedOn: '2026-10-01', director: 'Helen Ashdown', decidedOn: '2026-10-06' };
const fields = (c: Partial<ArchiveCase>, d: Partial<ArchiveDecision>) => archiveProblems({ ...k, ...c }, { ...ok, ...d }).map((p) => p.field);

describe('archiving a long-term case', () => {
  it.each<[string, Partial<ArchiveCase>, Partial<ArchiveDecision>, string[]]>([
    ['everything in place', {}, {}, []],
    // Notified 31/03/2026: six months on 30/09/2026 (month end clamped).
    ['decided the day before six months', {}, { decidedOn: '2026-09-29', formCompletedOn: '2026-09-29' }, ['decidedOn']],
    ['decided on the day it is six months open', {}, { decidedOn: '2026-09-30', formCompletedOn: '2026-09-30' }, []],
    ['no archiving form', {}, { formCompletedOn: null }, ['formCompletedOn']],
    ['form completed after the decision', {}, { formCompletedOn: '2026-10-07' }, ['formCompletedOn']],
    ['no named Director (a panel outcome alone)', {}, { director: '  ' }, ['director']],
    ['PMOE case', { register: 'PMOE' }, {}, ['id']],
    ['closed case', { status: 'closed' }, {}, ['id']],
    ['already archived', { archived: true }, {}, ['id']],
  ])('%s', (_n, c, d, expected) => expect(fields(c, d)).toEqual(expected));

  it('says when the case can be archived', () => {
    expect(archiveProblems(k, { ...ok, decidedOn: '2026-09-01', formCompletedOn: '2026-09-01' })[0]!.message).toBe(
      "The case is open six months on 30/09/2026: it can't be archived before then.",
    );
  });
});
