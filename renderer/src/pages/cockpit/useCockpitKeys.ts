import { useEffect, useRef, type RefObject } from 'react';
import type { ItemDetail } from '../../../../shared/api/meetingSchemas';
import { call } from '../../api/client';
import { neighbour } from './agendaView';
import { isTypingTarget, shortcutFor } from './shortcuts';
import { openProjector } from './projectorWindow';
import type { ItemHandle } from './types';
import type { SaveStatus } from './useSaveTracker';

export interface CockpitKeys {
  pendingRag: boolean;
  setPendingRag: (v: boolean) => void;
  go: (itemId: number | null) => void;
  undo: () => Promise<void>;
  item: ItemDetail | null;
  itemRef: RefObject<ItemHandle | null>;
  itemsRef: RefObject<readonly { id: number }[]>;
  viewRef: RefObject<number | null>;
  setStatus: (s: SaveStatus) => void;
  openDialog: (which: 'add' | 'approve' | 'sheet') => void;
}

/** The cockpit's keyboard shortcuts (see shortcuts.ts and the ? sheet), on the whole document. */
export function useCockpitKeys(id: number, { pendingRag, setPendingRag, go, undo, item, itemRef, itemsRef, viewRef, setStatus, openDialog }: CockpitKeys): void {
  const pendingRef = useRef(pendingRag);
  pendingRef.current = pendingRag;
  const keyState = useRef({ go, undo, item, setStatus, openDialog });
  keyState.current = { go, undo, item, setStatus, openDialog };
  useEffect(() => {
    // The ref changes at once, not at the next render: R then 1 typed fast must still set red.
    const setPending = (v: boolean) => {
      pendingRef.current = v;
      setPendingRag(v);
    };
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      const cmd = shortcutFor(e, {
        inField: isTypingTarget(target),
        inSelect: target?.tagName === 'SELECT',
        pendingRag: pendingRef.current,
        dialogOpen: Boolean(document.querySelector('dialog[open]')),
      });
      if (!cmd) return;
      e.preventDefault();
      const h = itemRef.current;
      const { go: goTo, undo: undoLast, item: cur, setStatus, openDialog } = keyState.current;
      const isCase = cur?.item.kind === 'case' && cur.case !== null;
      const caseOnly = ['newAction', 'ragPrefix', 'rag', 'lead', 'escalate'];
      if (!isCase && caseOnly.includes(cmd.type)) {
        setPending(false);
        setStatus({ kind: 'note', message: 'Actions, RAG, lead officer and escalations belong to case items' });
        return;
      }
      switch (cmd.type) {
        case 'next':
        case 'previous':
          goTo(neighbour(itemsRef.current, viewRef.current, cmd.type === 'next' ? 1 : -1));
          break;
        case 'notes':
          h?.focusNotes();
          break;
        case 'newAction':
          h?.focusNewAction();
          break;
        case 'ragPrefix':
          setPending(true);
          break;
        case 'rag':
          setPending(false);
          h?.chooseRag(cmd.rag);
          break;
        case 'cancelPrefix':
          setPending(false);
          break;
        case 'lead':
          h?.focusLead();
          break;
        case 'reviewDone':
        case 'reviewCarry':
          if (!h?.reviewFirst(cmd.type === 'reviewDone' ? 'done' : 'carry')) setStatus({ kind: 'note', message: 'No action waiting for review on this item' });
          break;
        case 'escalate':
          h?.focusEscalation();
          break;
        case 'search':
          openDialog('add');
          break;
        case 'projector':
          openProjector(id);
          break;
        case 'blank':
        case 'showNames':
        case 'hideNames':
          void call('projector.control', { id, action: cmd.type === 'blank' ? 'toggleBlank' : cmd.type })
            .then(() => setStatus({ kind: 'note', message: cmd.type === 'blank' ? 'Projector blanked or shown again (B)' : cmd.type === 'showNames' ? 'Names shown on the projector for this item' : 'Names hidden on the projector' }))
            .catch((e: unknown) => setStatus({ kind: 'error', message: (e as Error).message }));
          break;
        case 'approveMinutes':
          openDialog('approve');
          break;
        case 'undo':
          void undoLast();
          break;
        case 'help':
          openDialog('sheet');
          break;
        case 'blur':
          target?.blur();
          break;
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [id, itemRef, itemsRef, setPendingRag, viewRef]); // refs and a state setter: stable, listed for the linter
}
