import { useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { focusIfStill } from './focus';
import type { ItemDetail } from '../../../../shared/api/meetingSchemas';
import type { Officer } from '../../../../shared/api/schemas';
import { formatUk } from '../../lib/format';
import { Field } from '../../components/Field';
import { OWNER_NEEDED, ownerChoices, ownerSuggestions, resolveOwner } from './owners';
import { useDraftText, useDraftValue } from './useDraftText';
import { errorFor, generalError, type Mutate, type MutateResult } from './types';

export interface ActionsHandle {
  focusNewAction(): void;
}

/**
 * Actions agreed on this item and the form for a new one. Keyboard: Enter in "Action" moves to
 * "Owner", Enter in "Owner" to "Due date", Enter in "Due date" adds the action.
 */
export function ActionsAgreed({ detail, officers, people = [], mutate, ref }: { detail: ItemDetail; officers: readonly Officer[]; people?: readonly string[]; mutate: Mutate; ref?: Ref<ActionsHandle> }) {
  const itemId = detail.item.id;
  const [text, setText, clearText] = useDraftText(itemId, 'newAction');
  // Kept with the text if the window closes mid-action (QA walk: the owner typed was lost).
  const [owner, setOwner, resetOwner] = useDraftValue(itemId, 'newActionOwner', '');
  const choices = ownerChoices(officers, people);
  const [due, setDue, resetDue] = useDraftValue(itemId, 'newActionDue', detail.defaultDueDate);
  const [result, setResult] = useState<MutateResult | null>(null);
  const [saving, setSaving] = useState(false);
  const textRef = useRef<HTMLInputElement>(null);
  const ownerRef = useRef<HTMLInputElement>(null);
  const dueRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // Bumped whenever the user asks for the form again; a save that finishes later leaves focus alone.
  const focusEpoch = useRef(0);
  useImperativeHandle(ref, () => ({
    focusNewAction: () => {
      focusEpoch.current += 1;
      textRef.current?.focus();
    },
  }));

  // After the host refused a typed owner that looks like an officer: the officers it may mean, one click each.
  const suggested = errorFor(result, 'ownerText') ? ownerSuggestions(owner, officers) : [];
  const chooseOfficer = (name: string) => {
    setOwner(name);
    setResult(null);
    dueRef.current?.focus();
  };

  /** `ownerOutside`: the minute-taker confirmed the typed owner is outside the council. */
  const add = async (ownerOutside = false) => {
    if (saving) return;
    if (text.trim() === '') {
      setResult({ ok: false, message: 'Say what is to be done.', field: 'text' });
      textRef.current?.focus();
      return;
    }
    if (owner.trim() === '') {
      setResult({ ok: false, message: OWNER_NEEDED, field: 'ownerId' });
      ownerRef.current?.focus();
      return;
    }
    if (!due) {
      setResult({ ok: false, message: 'Give the due date.', field: 'dueDate' });
      dueRef.current?.focus();
      return;
    }
    setSaving(true);
    const epoch = focusEpoch.current;
    const who = resolveOwner(owner, officers);
    const r = await mutate('items.createAction', { itemId, text: text.trim(), ...who, ...(ownerOutside ? { ownerOutside } : {}), dueDate: due });
    setSaving(false);
    setResult(r);
    if (r.ok) {
      clearText();
      resetOwner();
      resetDue();
      // Back to the list so that A (or any other single key) works again at once — unless the
      // minute-taker has already pressed A for the next action while this one was saving.
      if (focusEpoch.current === epoch) focusIfStill(listRef.current, formRef.current);
    }
  };
  const enterTo = (next: () => void) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      next();
    }
  };

  const actions = detail.actionsAgreed;
  return (
    <section className="ck-card" aria-labelledby={`agreed-${itemId}`}>
      <h2 id={`agreed-${itemId}`} ref={listRef} tabIndex={-1}>
        Actions agreed <span className="count">{actions.length}</span>
      </h2>
      {actions.length === 0 ? (
        <p className="muted small">None yet. Press A to add one.</p>
      ) : (
        <ol className="ck-list ck-agreed">
          {actions.map((a) => (
            <li key={a.id}>
              <span className="ck-action-text">{a.text}</span>
              <span className="ck-action-meta">
                {a.ownerName ?? 'No owner'} · due {formatUk(a.dueDate)}
              </span>
            </li>
          ))}
        </ol>
      )}
      <form
        ref={formRef}
        className="ck-new-action"
        aria-label="New action"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <Field label="Action" error={errorFor(result, 'text')}>
          {(p) => <input {...p} ref={textRef} value={text} onChange={(e) => setText(e.target.value)} onKeyDown={enterTo(() => ownerRef.current?.focus())} autoComplete="off" />}
        </Field>
        <Field label="Owner" required error={errorFor(result, 'ownerId', 'ownerText')} hint="An officer, someone at this meeting, or an outside agency (type its name)">
          {(p) => (
            <>
              <input
                {...p}
                ref={ownerRef}
                list={`owners-${itemId}`}
                value={owner}
                autoComplete="off"
                onChange={(e) => setOwner(e.target.value)}
                onKeyDown={enterTo(() => {
                  if (owner.trim() === '') setResult({ ok: false, message: OWNER_NEEDED, field: 'ownerId' });
                  else dueRef.current?.focus();
                })}
              />
              <datalist id={`owners-${itemId}`}>
                {choices.map((c) => <option key={c} value={c} />)}
              </datalist>
            </>
          )}
        </Field>
        {suggested.length ? (
          <div className="ck-owner-choices" role="group" aria-label="Owner suggestions">
            {suggested.map((name) => (
              <button key={name} type="button" onClick={() => chooseOfficer(name)}>
                Use {name}
              </button>
            ))}
            <button type="button" onClick={() => void add(true)} disabled={saving}>
              Outside owner
            </button>
          </div>
        ) : null}
        <div className="ck-action-row">
          <Field label="Due date" error={errorFor(result, 'dueDate')}>
            {(p) => <input {...p} ref={dueRef} type="date" value={due} onChange={(e) => setDue(e.target.value)} onKeyDown={enterTo(() => void add())} />}
          </Field>
          <button type="submit" className="primary" disabled={saving}>Add action</button>
        </div>
        {generalError(result, 'text', 'ownerId', 'ownerText', 'dueDate') ? <p className="error-text" role="alert">{generalError(result, 'text', 'ownerId', 'ownerText', 'dueDate')}</p> : null}
      </form>
    </section>
  );
}
