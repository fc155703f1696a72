import { useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { focusIfStill } from './focus';
import { useLadders } from '../../data/hooks';
import { ESCALATION_REASONS, type ItemDetail } from '../../../../shared/api/meetingSchemas';
import { labelOf } from '../../../../shared/domain/vocab';
import { formatUk } from '../../lib/format';
import { Field, Select } from '../../components/Field';
import { DEFAULT_LADDER, levelOptions, proposedLevel, titleForLevel, type LadderStep } from '../../../../shared/domain/escalation';
import { useDraftText, useDraftValue } from './useDraftText';
import { errorFor, generalError, type Mutate, type MutateResult } from './types';

export interface EscalationsHandle {
  focusEscalation(): void;
}

type ReasonCode = (typeof ESCALATION_REASONS)[number]['code'];

const STATUS: Record<string, string> = { open: 'Open', responded: 'Responded', resolved: 'Resolved', escalated: 'Escalated further' };

/** Escalations on the case and the form to raise one up the ladder. */
export function EscalationsPanel({ detail, mutate, ref }: { detail: ItemDetail; mutate: Mutate; ref?: Ref<EscalationsHandle> }) {
  const itemId = detail.item.id;
  const existing = detail.escalations;
  // The authority's own ladder (Panels & calendar / Escalations), falling back to a default until it loads.
  const ladders = useLadders();
  const ladder: readonly LadderStep[] = useMemo(() => {
    const active = ladders.data?.ladders.find((l) => l.code === ladders.data?.active);
    return active ? active.levels.map((l) => ({ level: l.level, title: l.title })) : DEFAULT_LADDER;
  }, [ladders.data]);
  // Kept if the window closes before "Raise escalation" (QA walk: only "What is asked" came back).
  const [reasonDraft, setReason, resetReason] = useDraftValue(itemId, 'escalationReason', '');
  const reason = (ESCALATION_REASONS.some((r) => r.code === reasonDraft) ? reasonDraft : '') as ReasonCode | '';
  const [level, setLevel] = useState(() => proposedLevel(existing));
  const [levelTitle, setLevelTitle] = useState(() => titleForLevel(proposedLevel(existing)));
  const [titleTyped, setTitleTyped] = useState(false);
  useEffect(() => {
    if (!titleTyped) setLevelTitle(titleForLevel(level, ladder));
  }, [ladder]); // eslint-disable-line react-hooks/exhaustive-deps
  const [to, setTo, resetTo] = useDraftValue(itemId, 'escalationTo', '');
  const [asked, setAsked, clearAsked] = useDraftText(itemId, 'escalationAsked');
  const [due, setDue, resetDue] = useDraftValue(itemId, 'escalationDue', '');
  const [result, setResult] = useState<MutateResult | null>(null);
  const [saving, setSaving] = useState(false);
  const reasonRef = useRef<HTMLSelectElement>(null);
  const headRef = useRef<HTMLHeadingElement>(null);

  useImperativeHandle(ref, () => ({ focusEscalation: () => reasonRef.current?.focus() }));

  const chooseLevel = (v: string) => {
    const n = Number(v) || 1;
    // Follow the ladder unless the title was typed by hand.
    if (!titleTyped || levelTitle === '') setLevelTitle(titleForLevel(n, ladder));
    setLevel(n);
  };

  const raise = async () => {
    if (!reason) {
      setResult({ ok: false, message: 'Choose the reason for the escalation.', field: 'reason' });
      reasonRef.current?.focus();
      return;
    }
    if (levelTitle.trim() === '') {
      setResult({ ok: false, message: 'Give the title of the person at this level.', field: 'levelTitle' });
      return;
    }
    setSaving(true);
    const r = await mutate('items.createEscalation', {
      itemId,
      reason,
      level,
      levelTitle: levelTitle.trim(),
      escalatedTo: to.trim() || null,
      asked: asked.trim() || null,
      responseDue: due || null,
    });
    setSaving(false);
    setResult(r);
    if (r.ok) {
      const n = proposedLevel(r.detail.escalations, ladder);
      resetReason();
      setLevel(n);
      setTitleTyped(false);
      setLevelTitle(titleForLevel(n, ladder));
      resetTo();
      clearAsked();
      resetDue();
      focusIfStill(headRef.current, headRef.current?.closest('section') ?? null);
    }
  };

  return (
    <section className="ck-card" aria-labelledby={`esc-${itemId}`}>
      <h2 id={`esc-${itemId}`} ref={headRef} tabIndex={-1}>
        Escalations <span className="count">{existing.length}</span>
      </h2>
      {existing.length > 0 ? (
        <ol className="ck-list ck-escalations">
          {existing.map((e) => (
            <li key={e.id}>
              <div>
                <strong>Level {e.level} — {e.levelTitle}</strong>
                {e.escalatedTo ? ` (${e.escalatedTo})` : ''}: {labelOf(ESCALATION_REASONS, e.reason)} <span className="pill">{STATUS[e.status] ?? e.status}</span>
              </div>
              {e.asked ? <div className="ck-action-text">{e.asked}</div> : null}
              <div className="ck-action-meta">
                Raised {formatUk(e.raisedOn)} by {e.raisedBy}
                {e.responseDue ? ` · response due ${formatUk(e.responseDue)}` : ''}
              </div>
            </li>
          ))}
        </ol>
      ) : null}
      <form
        className="ck-escalate"
        aria-label="Raise an escalation"
        onSubmit={(e) => {
          e.preventDefault();
          void raise();
        }}
      >
        <Field label="Escalation reason" error={errorFor(result, 'reason')}>
          {(p) => (
            <select {...p} ref={reasonRef} value={reason} onChange={(e) => setReason(e.target.value as ReasonCode | '')}>
              <option value="">Choose…</option>
              {ESCALATION_REASONS.map((r) => (
                <option key={r.code} value={r.code}>{r.label}</option>
              ))}
            </select>
          )}
        </Field>
        <div className="ck-esc-row">
          <Field label="Level" error={errorFor(result, 'level')}>
            {(p) => <Select {...p} value={String(level)} onChange={chooseLevel} options={levelOptions(ladder)} placeholder="Level…" />}
          </Field>
          <Field label="Level title" error={errorFor(result, 'levelTitle')}>
            {(p) => <input {...p} value={levelTitle} onChange={(e) => { setTitleTyped(true); setLevelTitle(e.target.value); }} />}
          </Field>
          <Field label="Escalated to" error={errorFor(result, 'escalatedTo')}>
            {(p) => <input {...p} value={to} onChange={(e) => setTo(e.target.value)} placeholder="Name" />}
          </Field>
        </div>
        <Field label="What is asked" error={errorFor(result, 'asked')}>
          {(p) => <textarea {...p} className="ck-asked" value={asked} onChange={(e) => setAsked(e.target.value)} />}
        </Field>
        <div className="ck-esc-row ck-esc-last">
          <Field label="Response due" error={errorFor(result, 'responseDue')}>
            {(p) => <input {...p} type="date" value={due} onChange={(e) => setDue(e.target.value)} />}
          </Field>
          <button type="submit" disabled={saving}>Raise escalation</button>
        </div>
        {generalError(result, 'reason', 'level', 'levelTitle', 'escalatedTo', 'asked', 'responseDue') ? (
          <p className="error-text" role="alert">{generalError(result, 'reason', 'level', 'levelTitle', 'escalatedTo', 'asked', 'responseDue')}</p>
        ) : null}
      </form>
    </section>
  );
}
