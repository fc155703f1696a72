import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, cmeReferral, type TestApp } from '../../helpers/tempDb';
import { addDays } from '../../../shared/domain/dates';
import { ALSO_ELIGIBLE_SHOWN } from '../../../electron/services/meetings/meetingDetail';

// Erasing children past retention (README, Retention) and built agendas' "also eligible" lists:
// the rows the erasure deletes and the count of all eligible cases (migration 014) stay in step.
const MANAGER = { id: 1, name: 'Nadia Kowalczyk', role: 'manager' as const };
const FORENAMES = ['Amelia', 'Kacper', 'Leah', 'Tomasz', 'Zainab', 'Oliver', 'Chiamaka', 'Dawid', 'Freya', 'Yusuf', 'Maja', 'Ibrahim', 'Ruby'];
const SURNAMES = ['Hartley', 'Wiśniewski', 'Okafor', 'Nowak', 'Begum', 'Fairbrother', 'Adeyemi', 'Kowalski', 'Murray', 'Rahman', 'Lewandowska', 'Osei', 'Patel', 'Walsh', 'Kershaw', 'Dunn', 'Ahmed'];
const CAPACITY = 2;
// More eligible cases than the agenda takes plus the rows kept, so some are counted but not stored.
const CASES = CAPACITY + ALSO_ELIGIBLE_SHOWN + 6;

interface Detail {
  meeting: { status: string };
  items: { kind: string; caseId: number | null; removed: boolean }[];
  alsoEligibleCount: number;
  alsoEligible: { caseId: number; rank: number; section: string; reasons: { code: string }[] }[];
}
type Row = { case_id: number; rank: number };

let app: TestApp;
let officer: number;
let caseIds: number[];
let panelId: number;

beforeEach(() => {
  app = openTestApp({ today: '2026-12-03', user: MANAGER });
  officer = app.ok('officers.create', { name: 'Priya Shah', jobTitle: 'CME Officer', team: 'cme' }).id;
  app.ok('officers.create', { name: 'Nadia Kowalczyk', jobTitle: 'Inclusion Manager', team: 'inclusion', isManager: true });
  panelId = (app.ok('panels.list') as { id: number; register: string }[]).find((p) => p.register === 'CME')!.id;
  // A small panel, so a few hundred children are enough to go past the rows kept.
  app.db.prepare('UPDATE panels SET capacity = ? WHERE id = ?').run(CAPACITY, panelId);
  // Whereabouts unknown, each notified a day after the one before: all due for panel (not located within four weeks, seed 000 §7).
  caseIds = Array.from({ length: CASES }, (_, i) => app.ok('referrals.create', cmeReferral(
    { dateNotified: addDays('2026-03-01', i), lastAttendance: addDays('2026-02-01', i) },
    { forenames: FORENAMES[i % FORENAMES.length], surname: `${SURNAMES[Math.floor(i / FORENAMES.length) % SURNAMES.length]}-${SURNAMES[i % SURNAMES.length]}`, dateOfBirth: addDays('2013-01-01', i), upn: null },
  )).caseId as number);
});
afterEach(() => app.close());

const detail = (a: TestApp, id: number) => a.ok('meetings.get', { id }) as Detail;
const onAgenda = (d: Detail) => d.items.filter((x) => x.kind === 'case' && !x.removed).map((x) => x.caseId);
const stored = (a: TestApp, id: number) => a.db.prepare('SELECT case_id, rank FROM agenda_eligible WHERE meeting_id = ? ORDER BY rank').all(id) as Row[];
const total = (a: TestApp, id: number) => (a.db.prepare('SELECT also_eligible_total AS n FROM meetings WHERE id = ?').get(id) as { n: number }).n;
const childOf = (a: TestApp, caseId: number) => (a.db.prepare('SELECT child_id FROM cases WHERE id = ?').get(caseId) as { child_id: number }).child_id;

describe('erasing children on a built agenda’s "also eligible" list', () => {
  it('a scheduled agenda’s count and list afterwards are a fresh build’s; a held one loses the erased rows and is not recounted', () => {
    // A meeting held (closed, minutes in draft), then the next one built and still scheduled.
    const held = app.ok('meetings.create', { panelId, date: '2026-11-05', time: '10:00' }).id as number;
    app.ok('meetings.buildAgenda', { id: held });
    app.ok('meetings.start', { id: held });
    app.ok('meetings.close', { id: held });
    const next = app.ok('meetings.create', { panelId, date: '2026-12-10', time: '10:00' }).id as number;
    const built = app.ok('meetings.buildAgenda', { id: next }) as Detail;
    expect(onAgenda(built)).toHaveLength(CAPACITY);
    expect(built.alsoEligibleCount).toBe(CASES - CAPACITY);
    expect(built.alsoEligible).toHaveLength(ALSO_ELIGIBLE_SHOWN);

    // One erased child among the rows kept, one counted but past them (the case notified last ranks last).
    const listed = built.alsoEligible[4]!.caseId;
    const unlisted = caseIds[caseIds.length - 1]!;
    expect(built.alsoEligible.map((e) => e.caseId)).not.toContain(unlisted);
    expect(onAgenda(built)).not.toContain(unlisted);
    const heldRows = stored(app, held);
    const heldTotal = total(app, held);
    expect(heldTotal).toBeGreaterThan(heldRows.length);
    const heldErasedRows = heldRows.filter((r) => r.case_id === listed || r.case_id === unlisted).length;
    expect(heldErasedRows).toBeGreaterThan(0);

    // Both close (on roll and attending); a year later, under a one-year rule, both are past retention.
    for (const id of [listed, unlisted]) app.ok('closures.propose', { id, reason: 'on_roll_attending', closedOn: '2026-12-01', proposedById: officer, evidence: 'Admissions confirmed the start date', detail: 'Northbridge Academy' });
    app.close();
    app = openTestApp({ file: app.file, today: '2028-01-04', user: MANAGER });
    app.ok('retention.set', { rules: { CME: { basis: 'after_closure', years: 1 }, PMOE: { basis: 'birthday', years: 25 } } });
    const erased = app.ok('retention.erase', { childIds: [childOf(app, listed), childOf(app, unlisted)], confirm: true });
    expect(erased).toMatchObject({ erasedChildren: 2, erasedCases: 2 });

    // The scheduled agenda: both gone from the count, the next case moved up into the rows kept.
    const after = detail(app, next);
    expect(after.alsoEligibleCount).toBe(CASES - CAPACITY - 2);
    expect(after.alsoEligible).toHaveLength(ALSO_ELIGIBLE_SHOWN);
    const ids = after.alsoEligible.map((e) => e.caseId);
    expect(ids).not.toContain(listed);
    expect(ids).toEqual([...built.alsoEligible.map((e) => e.caseId).filter((id) => id !== listed), ids[ids.length - 1]]);
    expect(onAgenda(after)).toEqual(onAgenda(built));
    // ... and a fresh build on the same day says the same, row for row.
    const fresh = app.ok('meetings.buildAgenda', { id: next }) as Detail;
    expect(onAgenda(fresh)).toEqual(onAgenda(after));
    expect(fresh.alsoEligibleCount).toBe(after.alsoEligibleCount);
    expect(fresh.alsoEligible).toEqual(after.alsoEligible);

    // The held meeting: the erased rows gone and the count lowered by as many; the rest as built.
    expect(stored(app, held)).toEqual(heldRows.filter((r) => r.case_id !== listed && r.case_id !== unlisted));
    expect(total(app, held)).toBe(heldTotal - heldErasedRows);

    // The erasure's own audit entry says how many rows went and how many agendas were recounted (numbers only).
    const entry = app.db.prepare(`SELECT new_value FROM audit WHERE entity = 'erasure' ORDER BY id DESC LIMIT 1`).get() as { new_value: string };
    expect(JSON.parse(entry.new_value)).toMatchObject({ counts: { eligible: 1 + heldErasedRows, agendasRecounted: 1 } });
  });

  it('where every eligible case was stored, the count goes down by the rows deleted and nothing is recounted', () => {
    app.db.prepare('UPDATE panels SET capacity = ? WHERE id = ?').run(CASES - 10, panelId);
    const next = app.ok('meetings.create', { panelId, date: '2026-12-10', time: '10:00' }).id as number;
    const built = app.ok('meetings.buildAgenda', { id: next }) as Detail;
    expect(built.alsoEligibleCount).toBe(10);
    expect(built.alsoEligible).toHaveLength(10);
    const gone = built.alsoEligible[3]!.caseId;
    app.ok('closures.propose', { id: gone, reason: 'on_roll_attending', closedOn: '2026-12-01', proposedById: officer, evidence: 'Admissions confirmed the start date', detail: 'Northbridge Academy' });
    app.close();
    app = openTestApp({ file: app.file, today: '2028-01-04', user: MANAGER });
    app.ok('retention.set', { rules: { CME: { basis: 'after_closure', years: 1 }, PMOE: { basis: 'birthday', years: 25 } } });
    app.ok('retention.erase', { childIds: [childOf(app, gone)], confirm: true });
    const after = detail(app, next);
    expect(after.alsoEligibleCount).toBe(9);
    expect(after.alsoEligible.map((e) => e.caseId)).toEqual(built.alsoEligible.map((e) => e.caseId).filter((id) => id !== gone));
    // The rows left are the build's, ranks and all (not rewritten by a recount).
    expect(after.alsoEligible).toEqual(built.alsoEligible.filter((e) => e.caseId !== gone));
    const entry = app.db.prepare(`SELECT new_value FROM audit WHERE entity = 'erasure' ORDER BY id DESC LIMIT 1`).get() as { new_value: string };
    expect(JSON.parse(entry.new_value)).toMatchObject({ counts: { eligible: 1, agendasRecounted: 0 } });
    const fresh = app.ok('meetings.buildAgenda', { id: next }) as Detail;
    expect(fresh.alsoEligibleCount).toBe(after.alsoEligibleCount);
    expect(fresh.alsoEligible.map((e) => e.caseId)).toEqual(after.alsoEligible.map((e) => e.caseId));
  });
});
