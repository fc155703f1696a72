import { useEffect, useMemo, useState } from 'react';
import type { MethodOutput } from '../../../../shared/api/contract';
import { formatUk } from '../../../../shared/domain/dates';
import { Field } from '../../components/Field';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner, InfoBanner } from '../../components/Banner';
import { useMutation } from '../../data/useMutation';
import { usePastRetention, useRetention } from '../../data/hooks';
import { useCan } from '../../data/session';
import { useServerForm } from '../../data/useServerForm';
import { MAX_ERASE } from '../../../../shared/api/retention';

type Rules = MethodOutput<'retention.get'>['rules'];
type Row = MethodOutput<'retention.pastList'>['rows'][number];
const REGISTERS = ['CME', 'PMOE'] as const;

const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
type Basis = Rules['CME']['basis'];
/** The rules as the form's flat fields, so each field is tracked as typed or loaded on its own. */
type RuleFields = { 'CME.basis': Basis; 'CME.years': number; 'PMOE.basis': Basis; 'PMOE.years': number };
const toFields = (r: Rules): RuleFields => ({ 'CME.basis': r.CME.basis, 'CME.years': r.CME.years, 'PMOE.basis': r.PMOE.basis, 'PMOE.years': r.PMOE.years });
const toRules = (f: RuleFields): Rules => ({ CME: { basis: f['CME.basis'], years: f['CME.years'] }, PMOE: { basis: f['PMOE.basis'], years: f['PMOE.years'] } });
const ruleText = (r: Rules['CME']) => (r.basis === 'birthday' ? `until the child’s ${ordinal(r.years)} birthday` : `for ${r.years} ${r.years === 1 ? 'year' : 'years'} after the case closed`);

/** Settings → Retention: each register's rule, and for a manager the records past it, with Erase. */
export function RetentionCard() {
  const can = useCan();
  const retention = useRetention();
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({ invalidates: ['retention.'] });
  // The refetch after a save or an erase fills only the fields the manager has not changed since the
  // last load, so typing done while a save is in flight (or before an erase) is never put back.
  const loaded = useMemo(() => (retention.data ? toFields(retention.data.rules) : null), [retention.data]);
  const form = useServerForm(loaded);
  const rules = form.values ? toRules(form.values) : null;

  const submit = async () => {
    if (!form.values) return;
    const sent = form.values;
    setSaved(null);
    const r = await save.mutate('retention.set', { rules: toRules(sent) });
    if (r) {
      form.saved(sent, toFields(r.rules));
      setSaved(`Saved. CME records are kept ${ruleText(r.rules.CME)}; PMOE records ${ruleText(r.rules.PMOE)}.`);
    }
  };
  return (
    <section className="card" style={{ maxWidth: 960 }} aria-labelledby="retention-h">
      <h2 id="retention-h" style={{ marginTop: 0 }}>Retention</h2>
      <p className="muted small">
        How long a child’s records are kept once all their cases are closed. A child who was never found is kept until they are,
        whatever the rule. Your authority’s retention schedule decides the period; the usual one for education case files is
        until the child’s 25th birthday.
      </p>
      <ErrorBanner message={retention.error ?? (save.field ? null : save.error)} />
      {saved ? <InfoBanner>{saved}</InfoBanner> : null}
      {rules ? (
        <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <fieldset className="plain" disabled={!can('retention.set')}>
          <div style={{ display: 'flex', gap: '2rem', flexWrap: 'wrap' }}>
            {REGISTERS.map((reg) => (
              <fieldset key={reg} style={{ border: 'none', padding: 0, margin: 0 }}>
                <legend style={{ fontWeight: 700, padding: 0 }}>{reg} register</legend>
                <Field label={`${reg}: keep closed records`}>
                  {(f) => (
                    <select {...f} value={rules[reg].basis} onChange={(e) => form.set(`${reg}.basis`, e.target.value as Basis)}>
                      <option value="birthday">until the child reaches an age</option>
                      <option value="after_closure">for some years after the case closed</option>
                    </select>
                  )}
                </Field>
                <Field label={rules[reg].basis === 'birthday' ? `${reg}: age` : `${reg}: years`} error={save.errorFor(`rules.${reg}.years`) ?? (save.field === `rules.${reg}.years` ? save.error : null)}>
                  {(f) => <input {...f} type="number" min={1} max={100} step={1} value={rules[reg].years} onChange={(e) => form.set(`${reg}.years`, Number(e.target.value))} style={{ width: '6rem' }} />}
                </Field>
                <p className="small muted">Kept {ruleText(rules[reg])}.</p>
              </fieldset>
            ))}
          </div>
          {can('retention.set') ? <div className="dialog-buttons"><button type="submit" disabled={save.busy}>Save retention rules</button></div> : null}
          </fieldset>
        </form>
      ) : null}
      {can('retention.set') ? null : <p className="muted small">Only a manager can change the retention rules or erase records.</p>}
      {can('retention.pastList') ? <PastRetention /> : null}
    </section>
  );
}

/** Shown to managers only (the role table lets only them list and erase). */
function PastRetention() {
  const list = usePastRetention(true);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [erasing, setErasing] = useState<Row[] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const rows = list.data?.rows ?? [];
  const chosen = rows.filter((r) => selected.has(r.childId));
  const toggle = (id: number, on: boolean) => setSelected((s) => {
    const next = new Set(s);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  });
  const allShown = rows.length > 0 && chosen.length === Math.min(rows.length, MAX_ERASE);
  return (
    <>
      <h3>Past retention</h3>
      <p className="muted small">
        Only a manager may see and erase these; the audit trail names you as the manager who erased. Erasing removes the child’s record, their cases, addresses, adults, notes,
        checks, actions and meeting items, takes their name out of other records’ notes, and blanks their details in the audit
        trail, which then records only that an erasure happened and how much was removed.
      </p>
      <ErrorBanner message={list.error} />
      {done ? <InfoBanner>{done}</InfoBanner> : null}
      {list.data ? (
        list.data.total === 0 ? (
          <p data-testid="past-retention-empty">No records are past retention on {formatUk(list.data.today)}.</p>
        ) : (
          <div className="table-wrap">
            <div className="dialog-buttons" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
              <p role="status" style={{ margin: 0 }}>
                {list.data.total.toLocaleString('en-GB')} {list.data.total === 1 ? 'child’s records are' : 'children’s records are'} past retention
                {list.data.total > rows.length ? ` (the first ${rows.length.toLocaleString('en-GB')} shown)` : ''}.
              </p>
              <button type="button" className="danger" disabled={chosen.length === 0} onClick={() => setErasing(chosen)}>
                Erase selected ({chosen.length.toLocaleString('en-GB')})…
              </button>
            </div>
            <table className="simple" aria-label="Records past retention">
              <thead>
                <tr>
                  <th scope="col">
                    <input type="checkbox" aria-label={`Select the first ${Math.min(rows.length, MAX_ERASE)} shown`} checked={allShown}
                      onChange={(e) => setSelected(new Set(e.target.checked ? rows.slice(0, MAX_ERASE).map((r) => r.childId) : []))} />
                  </th>
                  <th scope="col">Child</th><th scope="col">Date of birth</th><th scope="col">Cases</th><th scope="col">Last closed</th><th scope="col">Past retention since</th><th scope="col"><span className="sr-only">Erase</span></th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.childId}>
                    <td><input type="checkbox" aria-label={`Select ${r.name}`} checked={selected.has(r.childId)} disabled={!selected.has(r.childId) && selected.size >= MAX_ERASE} onChange={(e) => toggle(r.childId, e.target.checked)} /></td>
                    <td>{r.name}</td>
                    <td>{formatUk(r.dateOfBirth)}</td>
                    <td>{r.references.join(', ')}</td>
                    <td>{formatUk(r.lastClosedOn)}</td>
                    <td>{formatUk(r.pastSince)}</td>
                    <td><button type="button" className="danger" onClick={() => setErasing([r])} aria-label={`Erase ${r.name}`}>Erase…</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      <EraseDialog rows={erasing} onClose={() => setErasing(null)}
        onErased={(msg) => { setErasing(null); setSelected(new Set()); setDone(msg); void list.reload(); }} />
    </>
  );
}

function EraseDialog({ rows, onClose, onErased }: { rows: Row[] | null; onClose: () => void; onErased: (message: string) => void }) {
  const [confirmed, setConfirmed] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  const erase = useMutation({ invalidates: ['retention.', 'register.', 'dashboard.', 'reports.'] });
  const key = rows?.map((r) => r.childId).join(',') ?? '';
  useEffect(() => {
    setConfirmed(false);
    setHint(null);
    erase.reset();
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps
  const one = rows?.length === 1 ? rows[0]! : null;
  const submit = async () => {
    if (!rows?.length) return;
    if (!confirmed) {
      setHint('Tick the box to confirm, or press Cancel.');
      return;
    }
    const r = await erase.mutate('retention.erase', { childIds: rows.map((x) => x.childId), confirm: true });
    if (r) {
      const who = one ? one.references.join(', ') : `${r.erasedChildren.toLocaleString('en-GB')} children`;
      onErased(`Erased ${who}: ${r.erasedCases.toLocaleString('en-GB')} ${r.erasedCases === 1 ? 'case' : 'cases'} removed and ${r.auditRowsBlanked.toLocaleString('en-GB')} audit entries blanked. The audit trail records the erasure.`);
    }
  };
  const title = one ? `Erase ${one.name}’s records` : `Erase ${rows?.length ?? 0} children’s records`;
  return (
    <Dialog title={title} open={rows !== null} onClose={onClose} onSubmit={() => void submit()} submitLabel="Erase for good" busy={erase.busy} error={hint ?? erase.error}>
      {rows ? (
        <>
          {one ? (
            <p>{one.name} (born {formatUk(one.dateOfBirth)}; {one.references.join(', ')}) has been past retention since {formatUk(one.pastSince)}.</p>
          ) : (
            <p>{rows.map((r) => r.name).slice(0, 5).join(', ')}{rows.length > 5 ? ` and ${rows.length - 5} more` : ''}: all past retention.</p>
          )}
          <p>Erasing cannot be undone in Panel. Backups taken before today still hold the records until rotation removes them.</p>
          {erase.busy ? <p role="status" aria-busy="true">Erasing, then tidying the register file (this can take a minute on a large register)…</p> : null}
          <label className="check-row">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> {one ? 'Erase this child’s personal data from the register' : `Erase these ${rows.length} children’s personal data from the register`}
          </label>
        </>
      ) : null}
    </Dialog>
  );
}
