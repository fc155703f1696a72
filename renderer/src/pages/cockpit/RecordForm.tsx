import { closureReasonsFor } from '../../../../shared/domain/closure';
import { localStore } from '../../lib/storage';
import { useEffect, useImperativeHandle, useRef, useState, type ChangeEvent, type Ref } from 'react';
import type { ItemDetail } from '../../../../shared/api/meetingSchemas';
import { OUTCOMES } from '../../../../shared/api/meetingSchemas';
import { CLOSURE_REASONS, entryOf, type ClosureReason } from '../../../../shared/domain/vocab';
import { Field, Select } from '../../components/Field';
import { Dialog } from '../../components/Dialog';
import { Autosave } from './autosave';
import { usePicker } from './picker';
import { RECORD_FIELDS, clearDraft, confirmSaved, mergeDrafts, mergeEdits, readRecordDrafts, writeDraft, type RecordField, type RecordValues } from './drafts';
import { call } from '../../api/client';
import { errorFor, generalError, type Mutate, type MutateResult } from './types';

export interface RecordHandle {
  flush(): Promise<boolean>;
  hasUnsaved(): boolean;
  focusNotes(): void;
}

type OutcomeCode = (typeof OUTCOMES)[number]['code'];

/** The record's text as the host keeps it (trimmed; nothing is ''). */
const serverValues = (item: Readonly<Record<RecordField, string | null>>): RecordValues => ({
  discussion: (item.discussion ?? '').trim(),
  decisions: (item.decisions ?? '').trim(),
  outcomeDetail: (item.outcomeDetail ?? '').trim(),
});

/**
 * What the panel said and decided on this item. Text saves itself ~400 ms after the last keystroke,
 * on blur and before the item changes; a copy of every keystroke stays in localStorage until the
 * server has it. Selects and ticks save at once.
 */
export function RecordForm({ detail, mutate, ref }: { detail: ItemDetail; mutate: Mutate; ref?: Ref<RecordHandle> }) {
  const itemId = detail.item.id;
  const isCase = detail.item.kind === 'case' && detail.case !== null;
  const [init] = useState(() => mergeDrafts(RECORD_FIELDS, detail.item, readRecordDrafts(localStore(), itemId)));
  const [values, setValues] = useState<RecordValues>(init.values);
  const valuesRef = useRef<RecordValues>(init.values);
  const mutateRef = useRef(mutate);
  mutateRef.current = mutate;
  // The text each field had on the host when this window last heard (trimmed, as the host keeps it):
  // sent with every save so that a save typed over another window's newer words is refused.
  const baseRef = useRef<RecordValues>(serverValues(detail.item));
  const [mergedNote, setMergedNote] = useState(false);
  const [autosave] = useState(
    () =>
      new Autosave<RecordField>({
        delay: 400,
        save: async (patch) => {
          const fields = Object.keys(patch) as RecordField[];
          const base = Object.fromEntries(fields.map((f) => [f, baseRef.current[f]]));
          const r = await mutateRef.current('items.record', { itemId, ...patch, base }, { agenda: false });
          if (!r.ok && r.field?.startsWith('base.')) {
            // Another window changed this text meanwhile: keep both (theirs, then what was typed
            // here) and save that from their text; nothing either window typed is lost.
            const theirs = serverValues((await call('meetings.item', { itemId })).item);
            const next = { ...valuesRef.current };
            for (const f of fields) {
              next[f] = mergeEdits(baseRef.current[f], valuesRef.current[f], theirs[f]);
              baseRef.current[f] = theirs[f];
              writeDraft(localStore(), itemId, f, next[f]);
            }
            valuesRef.current = next;
            setValues(next);
            setMergedNote(true);
            for (const f of fields) autosave.change(f, next[f]);
            return;
          }
          if (!r.ok) throw new Error(r.message);
          for (const f of fields) baseRef.current[f] = (patch[f] ?? '').trim();
          confirmSaved(localStore(), itemId, patch, valuesRef.current);
        },
      }),
  );

  // Text another window saved on this item shows here, unless this window has typed something of
  // its own that is not saved yet (that is merged when it saves, above).
  const { discussion, decisions, outcomeDetail } = detail.item;
  useEffect(() => {
    if (autosave.hasUnsaved()) return;
    const server = serverValues({ discussion, decisions, outcomeDetail });
    const next = { ...valuesRef.current };
    let changed = false;
    for (const f of RECORD_FIELDS) {
      if (server[f] === baseRef.current[f] || next[f].trim() !== baseRef.current[f]) continue;
      next[f] = server[f];
      baseRef.current[f] = server[f];
      changed = true;
    }
    if (!changed) return;
    valuesRef.current = next;
    setValues(next);
  }, [autosave, discussion, decisions, outcomeDetail]);
  const notesRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    for (const f of init.stale) clearDraft(localStore(), itemId, f);
    for (const f of init.restored) autosave.change(f, init.values[f]);
    if (init.restored.length > 0) void autosave.flush();
    return () => {
      void autosave.dispose();
    };
  }, [autosave, init, itemId]);

  useImperativeHandle(ref, () => ({
    flush: () => autosave.flush(),
    hasUnsaved: () => autosave.hasUnsaved(),
    focusNotes: () => notesRef.current?.focus(),
  }), [autosave]);

  const onText = (f: RecordField) => (e: ChangeEvent<HTMLTextAreaElement | HTMLInputElement>) => {
    const v = e.target.value;
    valuesRef.current = { ...valuesRef.current, [f]: v };
    setValues(valuesRef.current);
    writeDraft(localStore(), itemId, f, v);
    autosave.change(f, v);
  };
  const onBlur = () => void autosave.flush();

  const [savedOutcome, setSavedOutcome] = useState<OutcomeCode | ''>((detail.item.outcome as OutcomeCode | null) ?? '');
  const [outcomeResult, setOutcomeResult] = useState<MutateResult | null>(null);
  // Saved by a mouse choice or Enter; keys in the closed picker only propose (Esc puts it back).
  const outcomePicker = usePicker(savedOutcome, (v) => {
    void mutate('items.record', { itemId, outcome: v === '' ? null : (v as OutcomeCode) }).then((r) => {
      setOutcomeResult(r);
      if (r.ok) setSavedOutcome(v as OutcomeCode | '');
    });
  });
  const outcome = outcomePicker.value as OutcomeCode | '';

  const [closure, setClosure] = useState<ClosureReason | ''>('');
  const [closureDetail, setClosureDetail] = useState('');
  const [closeResult, setCloseResult] = useState<MutateResult | null>(null);
  const closureEntry = entryOf(CLOSURE_REASONS, closure);
  const closeCase = async () => {
    if (!closure) {
      setCloseResult({ ok: false, message: 'Choose the closure reason first.', field: 'reason' });
      return;
    }
    if (closureEntry?.detailRequired && closureDetail.trim() === '') {
      setCloseResult({ ok: false, message: `${closureEntry.detailLabel} is required for this reason.`, field: 'detail' });
      return;
    }
    setConfirmClose(true);
  };
  const [confirmClose, setConfirmClose] = useState(false);
  const reallyClose = async () => {
    setConfirmClose(false);
    if (!closure) return;
    setCloseResult(await mutate('items.close', { itemId, reason: closure, detail: closureDetail.trim() || null }));
  };

  const [doneResult, setDoneResult] = useState<MutateResult | null>(null);
  const caseClosed = detail.case?.status === 'closed';

  return (
    <section className="ck-card" aria-labelledby={`record-${itemId}`}>
      <h2 id={`record-${itemId}`}>Record</h2>
      {mergedNote ? (
        <p className="muted small" role="status">
          Someone else also wrote on this item in another window: their text is kept first, then yours.
        </p>
      ) : null}
      <Field label="Discussion" hint="Press N to write here; Esc leaves the box.">
        {(p) => (
          <textarea {...p} ref={notesRef} className="ck-discussion" value={values.discussion} onChange={onText('discussion')} onBlur={onBlur} />
        )}
      </Field>
      <Field label="Decisions">
        {(p) => <textarea {...p} className="ck-decisions" value={values.decisions} onChange={onText('decisions')} onBlur={onBlur} />}
      </Field>
      {isCase ? (
        <>
          <div className="grid-2">
            <Field label="Outcome" error={generalError(outcomeResult)} hint={outcomePicker.pending ? 'Enter sets the outcome; Esc keeps the one recorded.' : undefined}>
              {(p) => (
                <select {...p} value={outcome} onChange={(e) => outcomePicker.onChange(e.target.value)} onPointerDown={outcomePicker.onPointerDown} onKeyDown={outcomePicker.onKeyDown}>
                  <option value="">Not decided yet</option>
                  {OUTCOMES.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
                </select>
              )}
            </Field>
            <Field label="Outcome detail">
              {(p) => <input {...p} value={values.outcomeDetail} onChange={onText('outcomeDetail')} onBlur={onBlur} />}
            </Field>
          </div>
          {outcome === 'close' ? (
            <div className="ck-closure" role="group" aria-label="Close the case">
              {caseClosed ? (
                <p className="ck-closed-note"><strong>Case closed</strong> at this meeting or before it.</p>
              ) : (
                <>
                  <div className="grid-2">
                    <Field label="Closure reason" error={errorFor(closeResult, 'reason')}>
                      {(p) => <Select {...p} value={closure} onChange={setClosure} options={closureReasonsFor(detail.case?.register ?? 'CME', CLOSURE_REASONS)} />}
                    </Field>
                    <Field
                      label="Closure detail"
                      hint={closureEntry?.detailLabel ? `${closureEntry.detailLabel}${closureEntry.detailRequired ? ' (required)' : ''}` : undefined}
                      error={errorFor(closeResult, 'detail')}
                    >
                      {(p) => <input {...p} value={closureDetail} onChange={(e) => setClosureDetail(e.target.value)} />}
                    </Field>
                  </div>
                  {detail.item.outcome === 'close' && closeResult?.ok ? <p className="ck-closed-note" role="status"><strong>Closure proposed</strong>: the case stays open until a manager authorises it on the case page.</p> : null}
                  {generalError(closeResult, 'reason', 'detail') ? <p className="error-text" role="alert">{generalError(closeResult, 'reason', 'detail')}</p> : null}
                  <button type="button" className="danger" onClick={() => void closeCase()}>
                    Close case
                  </button>
                </>
              )}
            </div>
          ) : null}
        </>
      ) : null}
      <label className="inline-check ck-done">
        <input
          type="checkbox"
          checked={detail.item.done}
          onChange={async (e) => setDoneResult(await mutate('items.record', { itemId, done: e.target.checked }))}
        />
        Discussed (done)
      </label>
      <p className="muted small">Moving past an item does not mark it discussed: a case item with nothing recorded and not ticked is minuted as “not reached” and comes back on the next agenda.</p>
      {generalError(doneResult) ? <p className="error-text" role="alert">{generalError(doneResult)}</p> : null}
      <Dialog title={`Close ${detail.case?.reference ?? 'this case'}?`} open={confirmClose} onClose={() => setConfirmClose(false)} onSubmit={() => void reallyClose()} submitLabel="Yes, close the case">
        <p>
          The case is closed on the register at this meeting ({closureEntry?.label ?? closure}
          {closureDetail.trim() ? `: ${closureDetail.trim()}` : ''}). It leaves the open caseload and the next agendas; the minutes show it as closed.
        </p>
        <p className="muted small">It can be reopened from the case page if this was a mistake.</p>
      </Dialog>
    </section>
  );
}
