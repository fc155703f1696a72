import { useImperativeHandle, useRef, useState, type Ref } from 'react';
import { focusIfStill } from './focus';
import { usePicker } from './picker';
import type { ItemDetail } from '../../../../shared/api/meetingSchemas';
import type { Officer } from '../../../../shared/api/schemas';
import { RAGS, RAG_LABELS, type Rag } from '../../../../shared/domain/vocab';
import { Field } from '../../components/Field';
import { RagBadge } from '../../components/RagBadge';
import { useDraftText, useDraftValue } from './useDraftText';
import { errorFor, generalError, type Mutate, type MutateResult } from './types';

export interface RagLeadHandle {
  chooseRag(rag: Rag): void;
  focusLead(): void;
}

/** Officers to offer: those still in post, plus whoever holds the case now. */
export function officerOptions(officers: readonly Officer[], currentId: number | null): { code: string; label: string }[] {
  return officers
    .filter((o) => o.active || o.id === currentId)
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
    .map((o) => ({ code: String(o.id), label: `${o.name}${o.jobTitle ? ` (${o.jobTitle})` : ''}${o.active ? '' : ' — left'}` }));
}

/** RAG rating (buttons, then the reason; Enter saves) and the lead officer (Enter or the button sets it). */
export function RagLead({ detail, officers, mutate, ref }: { detail: ItemDetail; officers: readonly Officer[]; mutate: Mutate; ref?: Ref<RagLeadHandle> }) {
  const k = detail.case!;
  const itemId = detail.item.id;
  // The rating chosen and not yet saved goes with its reason if the window closes (QA walk: the
  // reason came back beside the old rating, ready to be saved under it).
  const [chosenDraft, setChosenDraft, resetChosen] = useDraftValue(itemId, 'ragChosen', '');
  const chosen: Rag | null = RAGS.some((r) => r.code === chosenDraft) ? (chosenDraft as Rag) : null;
  const setChosen = (r: Rag | null) => (r === null ? resetChosen() : setChosenDraft(r));
  const [reason, setReason, clearReason] = useDraftText(itemId, 'ragReason');
  const [ragResult, setRagResult] = useState<MutateResult | null>(null);
  const [leadResult, setLeadResult] = useState<MutateResult | null>(null);
  const [saving, setSaving] = useState(false);
  const reasonRef = useRef<HTMLInputElement>(null);
  const leadRef = useRef<HTMLSelectElement>(null);
  // The picker's choice is only a proposal until Enter or "Set lead officer": a key pressed in it
  // (type-ahead, arrows) changes nothing on the case, and Esc puts it back and leaves.
  const lead = usePicker(k.leadOfficerId === null ? '' : String(k.leadOfficerId), (v) => {
    void mutate('items.setLead', { itemId, officerId: v ? Number(v) : null }).then((r) => {
      setLeadResult(r);
      if (r.ok) focusIfStill(headRef.current, leadRef.current);
    });
  });
  const headRef = useRef<HTMLHeadingElement>(null);
  const rag = chosen ?? k.rag;

  const choose = (r: Rag) => {
    setChosen(r);
    setRagResult(null);
    reasonRef.current?.focus();
  };
  useImperativeHandle(ref, () => ({ chooseRag: choose, focusLead: () => leadRef.current?.focus() }));

  const save = async () => {
    if (!rag) {
      setRagResult({ ok: false, message: 'Choose Red, Amber or Green first.', field: 'rag' });
      return;
    }
    if (reason.trim() === '') {
      setRagResult({ ok: false, message: 'Give the reason for the rating.', field: 'reason' });
      reasonRef.current?.focus();
      return;
    }
    setSaving(true);
    const r = await mutate('items.setRag', { itemId, rag, reason: reason.trim() });
    setSaving(false);
    setRagResult(r);
    if (r.ok) {
      clearReason();
      setChosen(null);
      focusIfStill(headRef.current, reasonRef.current);
    }
  };

  const ragBefore = detail.item.ragBefore;
  return (
    <section className="ck-card" aria-labelledby={`rag-${itemId}`}>
      <h2 id={`rag-${itemId}`} ref={headRef} tabIndex={-1}>RAG rating and lead officer</h2>
      <p className="ck-now">
        Now <RagBadge rag={k.rag} />
        {k.ragReason ? <span className="muted"> {k.ragReason}</span> : null}
        {/* rag_before is kept only when this meeting changed a rating the case already had. */}
        {ragBefore !== null && ragBefore !== k.rag ? <span className="muted small"> (before this meeting: {RAG_LABELS[ragBefore]})</span> : null}
      </p>
      <div className="ck-rag-buttons" role="group" aria-label="RAG rating">
        {RAGS.map((r) => (
          <button key={r.code} type="button" className={`ck-rag-btn ck-rag-${r.code}`} aria-pressed={rag === r.code} onClick={() => choose(r.code)}>
            {r.label}
          </button>
        ))}
      </div>
      <form
        className="ck-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field label="Reason for rating" error={errorFor(ragResult, 'reason', 'rag')} hint={chosen ? `Rating ${chosen}: type the reason and press Enter` : 'R then 1/2/3 (or r/a/g) picks the rating'}>
          {(p) => <input {...p} ref={reasonRef} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <button type="submit" disabled={saving}>Save rating</button>
      </form>
      {generalError(ragResult, 'reason', 'rag') ? <p className="error-text" role="alert">{generalError(ragResult, 'reason', 'rag')}</p> : null}
      <form
        className="ck-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          lead.commit();
        }}
      >
        <Field label="Lead officer" error={generalError(leadResult)} hint={lead.pending ? 'Enter sets the new lead officer; Esc keeps the current one.' : 'L to choose; Enter sets, Esc leaves it as it is.'}>
          {(p) => (
            <select
              {...p}
              ref={leadRef}
              value={lead.value}
              onChange={(e) => lead.onChange(e.target.value)}
              onPointerDown={lead.onPointerDown}
              onKeyDown={lead.onKeyDown}
            >
              <option value="">Unallocated</option>
              {officerOptions(officers, k.leadOfficerId).map((o) => (
                <option key={o.code} value={o.code}>{o.label}</option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" disabled={!lead.pending}>Set lead officer</button>
      </form>
    </section>
  );
}

