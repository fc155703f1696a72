import { useEffect, useId, useState } from 'react';
import type { Ladders } from '../../../../shared/api/trackingSchemas';
import { call } from '../../api/client';
import { ErrorBanner, InfoBanner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { useMutation } from '../../data/useMutation';
import {
  addLadder,
  addLevel,
  draftChanged,
  draftProblems,
  fromDraft,
  moveLevel,
  removeLevel,
  renameLadder,
  setActive,
  setLevel,
  toDraft,
  type LaddersDraft,
} from './ladders';

/**
 * The authority's escalation ladder: which one is used (Bexley, Redbridge or one set up here),
 * and each level's title and named person. Saved with ladders.save.
 */
export function LadderEditor({ ladders, canSave, onSaved }: { ladders: Ladders; canSave: boolean; onSaved: (l: Ladders) => void }) {
  const id = useId();
  const [draft, setDraft] = useState<LaddersDraft>(() => toDraft(ladders));
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [adding, setAdding] = useState(false);
  const a = useMutation();
  useEffect(() => setDraft(toDraft(ladders)), [ladders]);

  const current = draft.ladders.find((l) => l.code === draft.active) ?? draft.ladders[0];
  const problems = draftProblems(draft);
  const changed = draftChanged(draft, ladders);
  const edit = (d: LaddersDraft) => {
    setDraft(d);
    setSaved(null);
  };

  const save = async () => {
    setTried(true);
    if (problems.length > 0) return;
    const r = await a.run(() => call('ladders.save', fromDraft(draft)));
    if (r) {
      setTried(false);
      setSaved(`Saved. ${r.ladders.find((l) => l.code === r.active)?.name ?? r.active} is the ladder in use.`);
      onSaved(r);
    }
  };

  return (
    <form
      className="trk-ladder"
      aria-label="Ladder editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p className="muted">
        Each authority escalates up its own ladder of roles. Choose the ladder your authority uses and save: new escalations start on it, and “Escalate” goes to its next level up. Steps already recorded keep their level and title.
      </p>
      {canSave ? null : <p className="muted">A panel member can’t change the ladder: it is shown here to read.</p>}
      {saved ? <InfoBanner>{saved}</InfoBanner> : null}
      <fieldset className="plain" disabled={!canSave}>
      <ErrorBanner message={a.error} />
      {tried && problems.length > 0 ? (
        <div className="banner banner-error" role="alert">
          <strong>Fix these before saving:</strong>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="trk-ladder-top">
        <div className="field">
          <label htmlFor={`${id}-active`}>Escalation ladder</label>
          <select id={`${id}-active`} value={draft.active} onChange={(e) => edit(setActive(draft, e.target.value))}>
            {draft.ladders.map((l) => (
              <option key={l.code} value={l.code}>{l.name || l.code}</option>
            ))}
          </select>
        </div>
        {adding ? (
          <div className="trk-ladder-add">
            <div className="field">
              <label htmlFor={`${id}-newname`}>New ladder name</label>
              <input id={`${id}-newname`} value={newName} maxLength={80} autoFocus onChange={(e) => setNewName(e.target.value)} />
            </div>
            <button
              type="button"
              onClick={() => {
                edit(addLadder(draft, newName).draft);
                setNewName('');
                setAdding(false);
              }}
            >
              Add
            </button>
            <button type="button" onClick={() => setAdding(false)}>Cancel</button>
          </div>
        ) : (
          <button type="button" onClick={() => setAdding(true)}>Add a new ladder</button>
        )}
      </div>

      {current ? (
        <fieldset className="trk-ladder-levels">
          <legend>{current.name || current.code}: levels, lowest first</legend>
          <Field label="Ladder name">
            {(f) => <input {...f} value={current.name} maxLength={80} onChange={(e) => edit(renameLadder(draft, current.code, e.target.value))} />}
          </Field>
          <ol className="trk-levels">
            {current.levels.map((v, i) => {
              const n = i + 1;
              return (
                <li key={`${current.code}-${i}`} className="trk-level">
                  <span className="trk-level-no" aria-hidden="true">{n}</span>
                  <div className="field">
                    <label htmlFor={`${id}-t-${i}`}>Level {n} title</label>
                    <input id={`${id}-t-${i}`} value={v.title} maxLength={160} aria-invalid={tried && v.title.trim() === ''} onChange={(e) => edit(setLevel(draft, current.code, i, { title: e.target.value }))} />
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-p-${i}`}>Level {n} person</label>
                    <input id={`${id}-p-${i}`} value={v.person} maxLength={120} placeholder="Optional" onChange={(e) => edit(setLevel(draft, current.code, i, { person: e.target.value }))} />
                  </div>
                  <div className="trk-level-buttons">
                    <button type="button" aria-label={`Move level ${n} up`} disabled={i === 0} onClick={() => edit(moveLevel(draft, current.code, i, -1))}>↑</button>
                    <button type="button" aria-label={`Move level ${n} down`} disabled={i === current.levels.length - 1} onClick={() => edit(moveLevel(draft, current.code, i, 1))}>↓</button>
                    <button type="button" className="danger" disabled={current.levels.length === 1} onClick={() => edit(removeLevel(draft, current.code, i))}>
                      Remove<span className="sr-only"> level {n}</span>
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
          <button type="button" onClick={() => edit(addLevel(draft, current.code))}>Add a level</button>
        </fieldset>
      ) : null}
      </fieldset>

      {canSave ? <div className="dialog-buttons trk-ladder-save">
        {changed ? (
          <button type="button" onClick={() => { setDraft(toDraft(ladders)); setTried(false); a.reset(); }}>
            Undo changes
          </button>
        ) : null}
        <button type="submit" className="primary" disabled={a.busy}>Save ladder</button>
      </div> : null}
    </form>
  );
}
