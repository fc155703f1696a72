import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../../../shared/api/meetingSchemas';
import {
  agendaBlocks,
  caseItemCount,
  dropIndex,
  itemLabel,
  moveItem,
  moveTo,
  movedMessage,
  stepIndex,
} from '../../../renderer/src/pages/meetings/agenda';

let nextId = 1;
const item = (kind: 'standing' | 'case', code: string, position: number, extra: Partial<AgendaItem> = {}): AgendaItem => ({
  id: nextId++,
  position,
  kind,
  code,
  title: kind === 'standing' ? code : `Case ${position}`,
  caseId: kind === 'case' ? 100 + position : null,
  reasons: [],
  addedByHand: false,
  removed: false,
  removedReason: null,
  discussion: null,
  decisions: null,
  outcome: null,
  outcomeDetail: null,
  ragBefore: null,
  mandatory: false,
  elapsedSeconds: 0,
  startedAt: null,
  done: false,
  discussed: false,
  caseReference: kind === 'case' ? `CME-2026-${String(position).padStart(4, '0')}` : null,
  caseName: kind === 'case' ? 'A Child' : null,
  caseRag: null,
  actionsAgreed: 0,
  ...extra,
});

describe('agendaBlocks', () => {
  it('gives each standing item its own block and groups runs of case items by section, in position order', () => {
    const items = [
      item('standing', 'aob', 7),
      item('standing', 'welcome_apologies', 0),
      item('case', 'case_reviews', 2),
      item('case', 'case_reviews', 3),
      item('case', 'new_referrals', 4),
      item('standing', 'figures', 1),
      item('case', 'proposed_closures', 5),
      item('standing', 'escalations', 6),
    ];
    const blocks = agendaBlocks(items);
    expect(blocks.map((b) => (b.kind === 'standing' ? b.row.item.code : `${b.label} ×${b.rows.length}`))).toEqual([
      'welcome_apologies',
      'figures',
      'Case reviews ×2',
      'New referrals ×1',
      'Proposed closures ×1',
      'escalations',
      'aob',
    ]);
    // Row indexes are the positions among ALL items.
    const flat = blocks.flatMap((b) => (b.kind === 'standing' ? [b.row] : b.rows));
    expect(flat.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
  it('starts a new run when a case item sits among standing items', () => {
    const items = [item('case', 'case_reviews', 0), item('standing', 'figures', 1), item('case', 'case_reviews', 2)];
    expect(agendaBlocks(items).map((b) => b.kind)).toEqual(['section', 'standing', 'section']);
  });
});

describe('itemLabel and counts', () => {
  it('names case items by reference and standing items by title', () => {
    expect(itemLabel({ kind: 'case', caseReference: 'CME-2026-0007', title: 'x' })).toBe('CME-2026-0007');
    expect(itemLabel({ kind: 'standing', caseReference: null, title: 'Figures' })).toBe('Figures');
  });
  it('counts case items that are not removed', () => {
    expect(caseItemCount([item('case', 'case_reviews', 0), item('case', 'case_reviews', 1, { removed: true }), item('standing', 'aob', 2)])).toBe(1);
  });
});

describe('reorder index maths', () => {
  it('steps up and down within the list', () => {
    expect(stepIndex(3, -1, 10)).toBe(2);
    expect(stepIndex(3, 1, 10)).toBe(4);
    expect(stepIndex(0, -1, 10)).toBeNull();
    expect(stepIndex(9, 1, 10)).toBeNull();
  });
  it('works out the final index of a dropped item', () => {
    // Moving down: the item leaves a gap above the target.
    expect(dropIndex(1, 4, 'before')).toBe(3);
    expect(dropIndex(1, 4, 'after')).toBe(4);
    // Moving up.
    expect(dropIndex(5, 2, 'before')).toBe(2);
    expect(dropIndex(5, 2, 'after')).toBe(3);
    // No move.
    expect(dropIndex(3, 3, 'before')).toBeNull();
    expect(dropIndex(3, 4, 'before')).toBeNull();
    expect(dropIndex(3, 2, 'after')).toBeNull();
  });
  it('dropIndex agrees with moveTo: the item lands next to its target', () => {
    const list = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (let from = 0; from < list.length; from += 1) {
      for (let target = 0; target < list.length; target += 1) {
        for (const placement of ['before', 'after'] as const) {
          const to = dropIndex(from, target, placement);
          if (to === null) continue;
          const out = moveTo(list, from, to);
          const moved = out.indexOf(list[from]!);
          const t = out.indexOf(list[target]!);
          expect(moved).toBe(to);
          expect(placement === 'before' ? t - 1 : t + 1).toBe(moved);
        }
      }
    }
  });
  it('moveItem renumbers positions in the new order', () => {
    const items = [item('standing', 'a', 10), item('standing', 'b', 20), item('standing', 'c', 30)];
    const out = moveItem(items, items[2]!.id, 0);
    expect(out.map((i) => i.code)).toEqual(['c', 'a', 'b']);
    expect(out.map((i) => i.position)).toEqual([0, 1, 2]);
  });
  it('announces the new position, counting from 1', () => {
    expect(movedMessage(4, 23)).toBe('Moved to position 5 of 23');
  });
});
