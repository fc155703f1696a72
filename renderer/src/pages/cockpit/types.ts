import type { MethodInput } from '../../../../shared/api/contract';
import type { ItemDetail } from '../../../../shared/api/meetingSchemas';

/** The methods that change one agenda item and answer with its fresh ItemDetail. */
export type ItemMethod = 'items.record' | 'items.setRag' | 'items.setLead' | 'items.close' | 'items.createAction' | 'items.reviewAction' | 'items.createEscalation';

export type MutateResult = { ok: true; detail: ItemDetail } | { ok: false; message: string; field: string | null };

/**
 * Runs an item change through the page: the save status line, the failure banner, the item's fresh
 * detail and (unless `agenda: false`) a refresh of the agenda.
 */
export type Mutate = <M extends ItemMethod>(method: M, input: MethodInput<M>, opts?: { agenda?: boolean }) => Promise<MutateResult>;

/** What the page's keyboard shortcuts can ask of the current item. */
export interface ItemHandle {
  flush(): Promise<boolean>;
  hasUnsaved(): boolean;
  focusNotes(): void;
  focusNewAction(): void;
  chooseRag(rag: 'red' | 'amber' | 'green'): void;
  focusLead(): void;
  reviewFirst(outcome: 'done' | 'carry'): boolean;
  focusEscalation(): void;
}

/** An input's error for a field, when the last failure was about it. */
export const errorFor = (r: MutateResult | null, ...fields: string[]): string | null =>
  r && !r.ok && r.field && fields.some((f) => r.field === f || r.field!.endsWith(`.${f}`)) ? r.message : null;

/** The failure message not tied to one of `fields` (shown above the form's buttons). */
export const generalError = (r: MutateResult | null, ...fields: string[]): string | null =>
  r && !r.ok && !errorFor(r, ...fields) ? r.message : null;
