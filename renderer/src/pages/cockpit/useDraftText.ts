import { useCallback, useState } from 'react';
import { localStore } from '../../lib/storage';
import { clearDraft, readDraft, writeDraft } from './drafts';

/**
 * A text box's value that survives the window closing: every change is copied to
 * `panel.cockpitDraft.<itemId>.<field>` and the copy goes when `clear()` is called (after the save).
 */
export function useDraftText(itemId: number, field: string, initial = ''): [string, (v: string) => void, () => void] {
  const [value, setValue] = useState(() => readDraft(localStore(), itemId, field) ?? initial);
  const set = useCallback(
    (v: string) => {
      setValue(v);
      if (v === '') clearDraft(localStore(), itemId, field);
      else writeDraft(localStore(), itemId, field, v);
    },
    [itemId, field],
  );
  const clear = useCallback(() => {
    setValue('');
    clearDraft(localStore(), itemId, field);
  }, [itemId, field]);
  return [value, set, clear];
}

/**
 * A form value that survives the window closing like useDraftText, for fields with a starting value
 * (an owner, a due date, a chosen rating): kept in `panel.cockpitDraft.<itemId>.<field>` only while
 * it differs from `initial`; `reset()` puts `initial` back and drops the copy.
 */
export function useDraftValue(itemId: number, field: string, initial: string): [string, (v: string) => void, () => void] {
  const [value, setValue] = useState(() => readDraft(localStore(), itemId, field) ?? initial);
  const set = useCallback(
    (v: string) => {
      setValue(v);
      if (v === initial) clearDraft(localStore(), itemId, field);
      else writeDraft(localStore(), itemId, field, v);
    },
    [itemId, field, initial],
  );
  const reset = useCallback(() => {
    setValue(initial);
    clearDraft(localStore(), itemId, field);
  }, [itemId, field, initial]);
  return [value, set, reset];
}
