import { useEffect, useRef, type MutableRefObject } from 'react';
import { call } from '../../api/client';
import { isTypingTarget } from './shortcuts';
import { PUSH_FALLBACK_MS, useMeetingPush } from '../../data/push';

/** The cockpit's own pace when the push channel is down. */
const POLL_MS = 1500;

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
  /** Asks again for the item on screen: another window may have written on it (QA walk). */
  reloadItem: () => Promise<void>;
}

/**
 * Follows changes made elsewhere (the projector's keys move the current item too): at once when
 * the host pushes the meeting's new version, and by polling the live version as a fallback. While the minute-taker is typing in a field the view stays put (the text saves to
 * the item it was typed on) and a bar offers to follow; once focus leaves the field, it follows.
 */
export function useFollowChair(id: number, { knownVersion, gotoInFlight, viewRef, chairAtRef, setChairAt, follow, reloadMeeting, reloadItem }: FollowChair): void {
  const followRef = useRef(follow);
  followRef.current = follow;
  const reloadItemRef = useRef(reloadItem);
  reloadItemRef.current = reloadItem;
  const wake = useRef<() => void>(() => {});
  const live = useMeetingPush(id, (v) => {
    if (v > knownVersion.current) wake.current();
  });
  const pollMs = useRef(POLL_MS);
  pollMs.current = live ? PUSH_FALLBACK_MS : POLL_MS;
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout>;
    const typing = () => {
      const el = document.activeElement;
      return el instanceof HTMLElement && isTypingTarget(el) && el.closest('.ck-main') !== null;
    };
    const poll = async () => {
      clearTimeout(timer);
      try {
        const v = await call('projector.view', { id, sinceVersion: knownVersion.current });
        if (!stop && !v.unchanged && gotoInFlight.current === 0 && v.version > knownVersion.current) {
          knownVersion.current = v.version;
          const cur = v.items.find((i) => i.current)?.id ?? null;
          if (cur !== null && cur !== viewRef.current) {
            if (typing()) {
              chairAtRef.current = cur;
              setChairAt(cur);
              void reloadItemRef.current();
            } else void followRef.current(cur);
          } else {
            if (cur === viewRef.current) {
              chairAtRef.current = null;
              setChairAt(null);
            }
            // The item stays on screen: what another window wrote on it shows here too.
            void reloadItemRef.current();
          }
          void reloadMeeting();
        } else if (!stop && chairAtRef.current !== null && !typing()) {
          void followRef.current(chairAtRef.current);
        }
      } catch {
        /* the save banner reports connection trouble */
      }
      if (!stop) timer = setTimeout(() => void poll(), pollMs.current);
    };
    wake.current = () => void poll();
    timer = setTimeout(() => void poll(), pollMs.current);
    return () => {
      stop = true;
      clearTimeout(timer);
      wake.current = () => {};
    };
  }, [id]); // eslint-disable-line react-hooks/exhaustive-deps
}
