import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStore } from '../../helpers/memoryStore';
import {
  RECORD_FIELDS,
  clearDraft,
  confirmSaved,
  draftKey,
  mergeDrafts,
  mergeEdits,
  pendingRecordDrafts,
  readDraft,
  writeDraft,
  type DraftStore,
} from '../../../renderer/src/pages/cockpit/drafts';
import { Autosave } from '../../../renderer/src/pages/cockpit/autosave';


describe('draftKey', () => {
  it('is panel.cockpitDraft.<itemId>.<field>', () => {
    expect(draftKey(42, 'discussion')).toBe('panel.cockpitDraft.42.discussion');
  });
});

type V = string | null | undefined;
describe('mergeDrafts', () => {
  const F = ['discussion'] as const;
  it.each<[string, V, V, string, boolean, boolean]>([
    // name, server, backup, shown, restored, stale
    ['no backup: the server text', 'Seen at home', null, 'Seen at home', false, false],
    ['no backup, nothing saved', null, undefined, '', false, false],
    ['backup equals server: stale', 'Seen at home', 'Seen at home', 'Seen at home', false, true],
    ['backup differs: restored', 'Seen at', 'Seen at home', 'Seen at home', true, false],
    ['backup on an empty record: restored', null, 'Typed before the crash', 'Typed before the crash', true, false],
    ['text cleared then lost: restores the clearing', 'Old text', '', '', true, false],
    ['empty backup, nothing on the server: stale', null, '', '', false, true],
  ])('%s', (_n, server, backup, shown, restored, stale) => {
    const m = mergeDrafts(F, { discussion: server }, { discussion: backup });
    expect(m.values.discussion).toBe(shown);
    expect(m.restored.includes('discussion')).toBe(restored);
    expect(m.stale.includes('discussion')).toBe(stale);
  });

  it('handles each field on its own', () => {
    const m = mergeDrafts(RECORD_FIELDS, { discussion: 'a', decisions: 'b', outcomeDetail: null }, { discussion: 'a', decisions: 'bb', outcomeDetail: null });
    expect(m.values).toEqual({ discussion: 'a', decisions: 'bb', outcomeDetail: '' });
    expect(m.restored).toEqual(['decisions']);
    expect(m.stale).toEqual(['discussion']);
  });
});

describe('storage helpers', () => {
  it('write, read, clear', () => {
    const s = new MemoryStore();
    expect(writeDraft(s, 1, 'discussion', 'x')).toBe(true);
    expect(readDraft(s, 1, 'discussion')).toBe('x');
    clearDraft(s, 1, 'discussion');
    expect(readDraft(s, 1, 'discussion')).toBeNull();
  });
  it('survive a storage that throws or is missing', () => {
    const bad: DraftStore = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); }, removeItem: () => { throw new Error('denied'); } };
    expect(readDraft(bad, 1, 'f')).toBeNull();
    expect(writeDraft(bad, 1, 'f', 'v')).toBe(false);
    expect(() => clearDraft(bad, 1, 'f')).not.toThrow();
    expect(readDraft(null, 1, 'f')).toBeNull();
    expect(writeDraft(null, 1, 'f', 'v')).toBe(false);
  });
  it('confirmSaved clears only what is still the saved text', () => {
    const s = new MemoryStore();
    writeDraft(s, 3, 'discussion', 'abc');
    writeDraft(s, 3, 'decisions', 'typed after the save');
    confirmSaved(s, 3, { discussion: 'abc', decisions: 'typed' }, { discussion: 'abc', decisions: 'typed after the save' });
    expect(readDraft(s, 3, 'discussion')).toBeNull();
    expect(readDraft(s, 3, 'decisions')).toBe('typed after the save');
  });
});

describe('pendingRecordDrafts', () => {
  it('finds unsaved text for other items and clears stale backups', () => {
    const s = new MemoryStore();
    writeDraft(s, 1, 'discussion', 'lost when the laptop died');
    writeDraft(s, 2, 'decisions', 'same as server');
    writeDraft(s, 3, 'discussion', 'the item on screen');
    const items = [
      { id: 1, discussion: null, decisions: null, outcomeDetail: null },
      { id: 2, discussion: null, decisions: 'same as server', outcomeDetail: null },
      { id: 3, discussion: null, decisions: null, outcomeDetail: null },
    ];
    expect(pendingRecordDrafts(s, items, 3)).toEqual([{ itemId: 1, patch: { discussion: 'lost when the laptop died' } }]);
    expect(s.map.has(draftKey(2, 'decisions'))).toBe(false);
    expect(s.map.has(draftKey(3, 'discussion'))).toBe(true);
  });
});

describe('Autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces keystrokes into one save', async () => {
    const save = vi.fn(async () => {});
    const a = new Autosave<'discussion'>({ delay: 400, save });
    a.change('discussion', 'S');
    await vi.advanceTimersByTimeAsync(200);
    a.change('discussion', 'Se');
    await vi.advanceTimersByTimeAsync(200);
    a.change('discussion', 'Seen');
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(400);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ discussion: 'Seen' });
    expect(a.hasUnsaved()).toBe(false);
  });

  it('flush saves at once and merges fields', async () => {
    const save = vi.fn(async () => {});
    const a = new Autosave<'discussion' | 'decisions'>({ delay: 400, save });
    a.change('discussion', 'x');
    a.change('decisions', 'y');
    expect(await a.flush()).toBe(true);
    expect(save).toHaveBeenCalledWith({ discussion: 'x', decisions: 'y' });
  });

  it('keeps text typed during a save and sends it next', async () => {
    let release: () => void = () => {};
    const save = vi.fn(() => new Promise<void>((r) => { release = r; }));
    const a = new Autosave<'discussion'>({ delay: 400, save });
    a.change('discussion', 'one');
    const f = a.flush();
    a.change('discussion', 'one two');
    release();
    await vi.advanceTimersByTimeAsync(0);
    release();
    expect(await f).toBe(true);
    expect(save.mock.calls).toEqual([[{ discussion: 'one' }], [{ discussion: 'one two' }]]);
  });

  it('keeps failed text, reports it and retries', async () => {
    let fail = true;
    const save = vi.fn(async () => { if (fail) throw new Error('offline'); });
    const onError = vi.fn();
    const a = new Autosave<'discussion'>({ delay: 400, retryDelay: 1000, save, onError });
    a.change('discussion', 'do not lose me');
    expect(await a.flush()).toBe(false);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(a.unsaved()).toEqual({ discussion: 'do not lose me' });
    fail = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenLastCalledWith({ discussion: 'do not lose me' });
    expect(a.hasUnsaved()).toBe(false);
  });

  it('a failed save does not overwrite newer text', async () => {
    let fail = true;
    const save = vi.fn(async (_p: Partial<Record<'discussion', string>>) => { if (fail) throw new Error('offline'); });
    const a = new Autosave<'discussion'>({ delay: 400, retryDelay: 1000, save });
    a.change('discussion', 'old');
    const f = a.flush();
    a.change('discussion', 'newer');
    expect(await f).toBe(false);
    expect(a.unsaved()).toEqual({ discussion: 'newer' });
    fail = false;
    expect(await a.retryNow()).toBe(true);
    expect(save).toHaveBeenLastCalledWith({ discussion: 'newer' });
  });
});

describe('mergeEdits (two windows wrote one field; QA walk)', () => {
  it.each<[string, string, string, string, string]>([
    // name, base, mine, theirs, result
    ['only they changed it: theirs', '', '', 'Window A: mother phoned.', 'Window A: mother phoned.'],
    ['only I changed it: mine', 'Seen.', 'Seen. EWO to visit.', 'Seen.', 'Seen. EWO to visit.'],
    ['both wrote the same: one copy', '', 'Agreed.', 'Agreed.', 'Agreed.'],
    ['both wrote into an empty box: theirs, then mine', '', 'Window B: EWO visited.', 'Window A: mother phoned.', 'Window A: mother phoned.\n\nWindow B: EWO visited.'],
    ['both added to the same text: theirs, then only what I added', 'Seen at home.', 'Seen at home. Zoë’s school to confirm.', 'Seen at home. O’Neill family moved.', 'Seen at home. O’Neill family moved.\n\nZoë’s school to confirm.'],
    ['I rewrote it while they added: theirs, then all of mine', 'Seen at hom', 'Seen at home on Monday.', 'Seen at hom. Police informed.', 'Seen at hom. Police informed.\n\nSeen at home on Monday.'],
    ['I only added spaces: theirs', 'Seen.', 'Seen.  ', 'Seen. Police informed.', 'Seen. Police informed.'],
    ['trailing space on my copy of the base still counts as unchanged', 'Seen.', 'Seen. ', 'Seen. Police informed.', 'Seen. Police informed.'],
  ])('%s', (_name, base, mine, theirs, result) => {
    expect(mergeEdits(base, mine, theirs)).toBe(result);
  });
});
