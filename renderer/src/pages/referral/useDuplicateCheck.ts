import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { isIsoDate } from '../../../../shared/domain/dates';
import { call } from '../../api/client';
import type { DuplicateMatch } from './DuplicatePanel';
import type { ReferralForm } from './form';

export interface DuplicateCheck {
  /** Matches for the names and date of birth as they are now (none while they are incomplete). */
  matches: DuplicateMatch[];
  error: string | null;
  /** Checks at once (a name or date field lost focus). */
  onBlur: () => void;
  /** Forgets what was checked (the form was cleared). */
  reset: () => void;
}

type Child = ReferralForm['child'];
const keyFor = (c: Child) =>
  c.forenames.trim() && c.surname.trim() && isIsoDate(c.dateOfBirth) ? JSON.stringify([c.forenames.trim(), c.surname.trim(), c.dateOfBirth, c.knownAs.trim()]) : '';

/**
 * Asks the register for possible duplicates of the child being referred: on leaving a name or date
 * field, and after a pause in typing (also when a restored draft already has all three). A reply
 * for names since changed is dropped.
 */
export function useDuplicateCheck(child: Child, latest: RefObject<ReferralForm>): DuplicateCheck {
  const [dupes, setDupes] = useState<{ key: string; matches: DuplicateMatch[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dupKey = keyFor(child);
  const lastDupKey = useRef('');
  const check = useCallback(async () => {
    const ch = latest.current?.child;
    if (!ch) return;
    const key = keyFor(ch);
    if (!key || key === lastDupKey.current) return;
    lastDupKey.current = key;
    try {
      const matches = await call('children.checkDuplicates', {
        forenames: ch.forenames.trim(), surname: ch.surname.trim(), dateOfBirth: ch.dateOfBirth, knownAs: ch.knownAs.trim() || null,
      });
      if (lastDupKey.current === key) {
        setDupes({ key, matches });
        setError(null);
      }
    } catch (e) {
      if (lastDupKey.current === key) {
        lastDupKey.current = '';
        setError(`Couldn't check the register for a possible duplicate: ${(e as Error).message}`);
      }
    }
  }, [latest]);
  useEffect(() => {
    if (!dupKey) return;
    const t = window.setTimeout(() => void check(), 800);
    return () => window.clearTimeout(t);
  }, [dupKey, check]);
  const reset = useCallback(() => {
    setDupes(null);
    lastDupKey.current = '';
  }, []);
  return { matches: dupes && dupes.key === dupKey ? dupes.matches : [], error, onBlur: () => void check(), reset };
}
