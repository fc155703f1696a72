import { useEffect, useRef, type MutableRefObject } from 'react';
import { call } from '../../api/client';
import { isTypingTarget } from './shortcuts';

export interface FollowChair {
  /** The newest live version this window knows of. */
  knownVersion: MutableRefObject<number>;
  /** Moves this window has sent and not yet heard back about (their replies win over a poll). */
  gotoInFlight: MutableRefObject<number>;
  viewRef: MutableRefObject<number | null>;
  chairAtRef: MutableRefObject<number | null>;
  setChairAt: (itemId: number | null) => void;
  follow: (itemId: number) => Promise<void>;
  reloadMeeting: () => Promise<void>;
}

/**
 * Follows changes made elsewhere (the projector's keys move the current item too), polling the
 * live version. While the minute-taker is typing in a field the view stays put (the text saves to
 * the item it was typed on) and a bar offers to follow; once focus leaves the field, it follows.
 */
export function useFollowChair(id: number, { knownVersion, gotoInFlight, viewRef, chairAtRef, setChairAt, follow, reloadMeeting }: FollowChair): void {
  const followRef = useRef(follow);
  followRef.current = follow;
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout>;
    const typing = () => {
      const el = document.activeElement;
      return el instanceof HTMLElement && isTypingTarget(el) && el.closest('.ck-main') !== null;
    };
    const poll = async () => {
      try {
        const v = await call('projector.view', { id, sinceVersion: knownVersion.current });
        if (!stop && !v.unchanged && gotoInFlight.current === 0 && v.version > knownVersion.current) {
          knownVersion.current = v.version;
          const cur = v.items.find((i) => i.current)?.id ?? null;
          if (cur !== null && cur !== viewRef.current) {
            if (typing()) {
              chairAtRef.current = cur;
              setChairAt(cur);
            } else void followRef.current(cur);
          } else if (cur === viewRef.current) {
            chairAtRef.current = null;
            setChairAt(null);
          }
          void reloadMeeting();
        } else if (!stop && chairAtRef.current !== null && !typing()) {
          void followRef.current(chairAtRef.current);
        }
      } catch {
        /* the save banner reports connection trouble */
      }
      if (!stop) timer = setTimeout(() => void poll(), 1500);
    };
    timer = setTimeout(() => void poll(), 1500);
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [id]); // eslint-disable-line react-hooks/exhaustive-deps
}
