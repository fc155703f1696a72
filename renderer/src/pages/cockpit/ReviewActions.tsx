import { useImperativeHandle, useRef, useState, type Ref } from 'react';
import { focusIfStill } from './focus';
import type { ActionRow } from '../../../../shared/api/meetingSchemas';
import { formatUk } from '../../lib/format';
import { Field } from '../../components/Field';
import { errorFor, generalError, type Mutate, type MutateResult } from './types';
import { firstUnreviewed, reviewedOutcome } from './reviews';

export interface ReviewHandle {
  /** Reviews the first action not yet reviewed at this meeting; false when there is none. */
  reviewFirst(outcome: 'done' | 'carry'): boolean;
}

const REVIEWED: Record<'done' | 'carried_forward' | 'dropped', string> = {
  done: 'Done',
  carried_forward: 'Carried forward',
  dropped: 'No longer needed',
};

/**
 * Open actions to review: each is marked Done, carried forward (with the reason and a new due
 * date) or dropped as no longer needed. `D` and `C` act on the first one not yet reviewed.
 */
export function ReviewActions({ itemId, actions, meetingDate, defaultDueDate, mutate, title = 'Open actions to review', ref }: {
  itemId: number;
  actions: readonly ActionRow[];
  meetingDate: string;
  defaultDueDate: string;
  mutate: Mutate;
  title?: string;
  ref?: Ref<ReviewHandle>;
}) {
  const [carrying, setCarrying] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [newDue, setNewDue] = useState(defaultDueDate);
  const [result, setResult] = useState<{ actionId: number; r: MutateResult } | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const headRef = useRef<HTMLHeadingElement>(null);

  const review = async (a: ActionRow, outcome: 'done' | 'carried_forward' | 'dropped', extra: { reason?: string; newDueDate?: string } = {}) => {
    setBusy(a.id);
    const r = await mutate('items.reviewAction', { itemId, actionId: a.id, outcome, reason: extra.reason ?? null, newDueDate: extra.newDueDate ?? null });
    setBusy(null);
    setResult({ actionId: a.id, r });
    if (r.ok && outcome === 'carried_forward') {
      setCarrying(null);
      focusIfStill(headRef.current, headRef.current?.closest('section') ?? null);
    }
    return r.ok;
  };
  const startCarry = (a: ActionRow) => {
    setCarrying(a.id);
    setReason('');
    setNewDue(defaultDueDate);
    setResult(null);
    // The form renders on the next frame.
    requestAnimationFrame(() => reasonRef.current?.focus());
  };
  const saveCarry = (a: ActionRow) => {
    if (reason.trim() === '') {
      setResult({ actionId: a.id, r: { ok: false, message: 'Say why it is carried forward.', field: 'reason' } });
      reasonRef.current?.focus();
      return;
    }
    void review(a, 'carried_forward', { reason: reason.trim(), newDueDate: newDue });
  };

  useImperativeHandle(ref, () => ({
    reviewFirst: (outcome) => {
      const a = firstUnreviewed(actions);
      if (!a) return false;
      if (outcome === 'done') void review(a, 'done');
      else startCarry(a);
      return true;
    },
  }));

  if (actions.length === 0) return null;
  const waiting = actions.filter((a) => reviewedOutcome(a) === null).length;
  return (
    <section className="ck-card" aria-labelledby={`review-${itemId}`}>
      <h2 id={`review-${itemId}`} ref={headRef} tabIndex={-1}>
        {title} <span className="count">{waiting === 0 ? 'all reviewed' : `${waiting} to review`}</span>
      </h2>
      <ol className="ck-list ck-review">
        {actions.map((a) => {
          const reviewed = reviewedOutcome(a);
          const overdue = a.dueDate < meetingDate && reviewed === null;
          const err = result?.actionId === a.id ? result.r : null;
          return (
            <li key={a.id} className={reviewed ? `ck-reviewed ck-reviewed-${reviewed}` : undefined}>
              <div className="ck-action-text" id={`act-${a.id}`}>{a.text}</div>
              <div className="ck-action-meta">
                {a.ownerName ?? 'No owner'} · due {formatUk(a.dueDate)}
                {overdue ? <span className="pill pill-alert">Overdue</span> : null}
                {a.carriedCount > 0 ? <span className="pill pill-warn">Carried {a.carriedCount}×</span> : null}
                {a.carriedCount >= 2 && reviewed === null ? <div className="pill pill-alert">Carried forward twice: consider raising an escalation (E) for no progress</div> : null}
                {a.caseReference && title !== 'Open actions to review' ? <span className="muted"> · {a.caseReference}</span> : null}
              </div>
              {reviewed ? (
                <div className="ck-review-outcome" aria-label="Review outcome">
                  <span className="ck-tick" aria-hidden="true">{reviewed === 'done' ? '✓' : reviewed === 'dropped' ? '–' : '→'}</span> {REVIEWED[reviewed]}
                  {reviewed === 'carried_forward' ? <> — now due {formatUk(a.dueDate)}{a.completionNote ? `: ${a.completionNote}` : ''}</> : null}
                </div>
              ) : carrying === a.id ? (
                <form
                  className="ck-carry"
                  onSubmit={(e) => {
                    e.preventDefault();
                    saveCarry(a);
                  }}
                >
                  <Field label="Reason for carrying forward" error={errorFor(err, 'reason')}>
                    {(p) => <input {...p} ref={reasonRef} value={reason} onChange={(e) => setReason(e.target.value)} />}
                  </Field>
                  <Field label="New due date" error={errorFor(err, 'newDueDate')}>
                    {(p) => <input {...p} type="date" value={newDue} onChange={(e) => setNewDue(e.target.value)} />}
                  </Field>
                  <div className="ck-buttons">
                    <button type="submit" className="primary" disabled={busy === a.id}>Save carry forward</button>
                    <button type="button" onClick={() => setCarrying(null)}>Cancel</button>
                  </div>
                </form>
              ) : (
                <div className="ck-buttons" role="group" aria-labelledby={`act-${a.id}`}>
                  <button type="button" disabled={busy === a.id} onClick={() => void review(a, 'done')}>Done</button>
                  <button type="button" disabled={busy === a.id} onClick={() => startCarry(a)}>Carry forward</button>
                  <button type="button" disabled={busy === a.id} onClick={() => void review(a, 'dropped')}>No longer needed</button>
                </div>
              )}
              {err && generalError(err, 'reason', 'newDueDate') ? <p className="error-text" role="alert">{generalError(err, 'reason', 'newDueDate')}</p> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
