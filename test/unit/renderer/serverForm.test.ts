import { describe, expect, it } from 'vitest';
import { mergeLoaded, mergeSaved, type ServerFormState } from '../../../renderer/src/data/useServerForm';

// The retention card's fields (Settings → Retention): a refetch never overwrites what the manager typed.
type F = { 'CME.basis': string; 'CME.years': number; 'PMOE.basis': string; 'PMOE.years': number };
const server: F = { 'CME.basis': 'birthday', 'CME.years': 25, 'PMOE.basis': 'birthday', 'PMOE.years': 25 };
const empty: ServerFormState<F> = { values: null, edited: new Set() };
const typed = (s: ServerFormState<F>, k: keyof F, v: F[keyof F]): ServerFormState<F> => ({ values: { ...s.values!, [k]: v }, edited: new Set(s.edited).add(k) });

describe('a form over loaded values', () => {
  it('the first load fills every field, with nothing edited', () => {
    expect(mergeLoaded(empty, server)).toEqual({ values: server, edited: new Set() });
  });

  it('a refetch keeps the fields typed since the last load and takes the rest', () => {
    const s = typed(mergeLoaded(empty, server), 'PMOE.years', 30);
    const again = mergeLoaded(s, { ...server, 'CME.years': 7 });
    expect(again.values).toEqual({ ...server, 'CME.years': 7, 'PMOE.years': 30 });
    expect([...again.edited]).toEqual(['PMOE.years']);
  });

  it('a save shows the saved values, but a field changed while it was in flight keeps the new typing', () => {
    const before = typed(typed(mergeLoaded(empty, server), 'CME.basis', 'after_closure'), 'CME.years', 1);
    const sent = before.values!;
    const during = typed(before, 'PMOE.years', 30);
    const after = mergeSaved(during, sent, { ...sent });
    expect(after.values).toEqual({ ...server, 'CME.basis': 'after_closure', 'CME.years': 1, 'PMOE.years': 30 });
    expect([...after.edited]).toEqual(['PMOE.years']);
    // The refetch the save set off brings the saved rule (PMOE still 25 on the server): the typing stays.
    expect(mergeLoaded(after, { ...sent }).values!['PMOE.years']).toBe(30);
  });

  it('a field typed over while saving, then set back to what was sent, takes the saved value', () => {
    const s = typed(mergeLoaded(empty, server), 'CME.years', 3);
    const sent = s.values!;
    const back = typed(typed(s, 'CME.years', 4), 'CME.years', 3);
    const after = mergeSaved(back, sent, { ...sent, 'CME.years': 3 });
    expect(after.edited.size).toBe(0);
    expect(after.values!['CME.years']).toBe(3);
  });
});
