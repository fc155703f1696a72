import type { MethodOutput } from '../../../../shared/api/contract';
import { formatUk } from '../../../../shared/domain/dates';
import type { LinkedChild } from './form';

export type DuplicateMatch = MethodOutput<'children.checkDuplicates'>[number];

const casesText = (refs: readonly string[]) =>
  refs.length === 0 ? 'no cases on the register' : `${refs.length === 1 ? 'case' : 'cases'} ${refs.join(', ')}`;

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * Possible duplicates of the child being referred. The default is to carry on as a new child;
 * "Same child" links the referral to the existing record instead.
 */
export function DuplicatePanel({ matches, linked, onLink, onUndo, differentChild, onDifferentChild, differentError }: {
  matches: readonly DuplicateMatch[];
  linked: LinkedChild | null;
  onLink: (m: DuplicateMatch) => void;
  onUndo: () => void;
  /** An exact duplicate (same name and date of birth) is saved as a new child only when this is ticked. */
  differentChild: boolean;
  onDifferentChild: (v: boolean) => void;
  differentError?: string | undefined;
}) {
  if (linked) {
    return (
      <div className="banner banner-info dup-panel" role="status">
        <div className="dup-row">
          <p>
            <strong>Linked to a child already on the register:</strong> {linked.name}, born {formatUk(linked.dateOfBirth)} — {casesText(linked.references)}.
            {' '}This referral will be added to their record and no new child record is made; their details on the
            register are kept (change them on the case page if they are out of date).
          </p>
          <button type="button" onClick={onUndo}>Undo</button>
        </div>
      </div>
    );
  }
  const exact = matches.some((m) => m.exact) || Boolean(differentError);
  if (matches.length === 0 && !exact) return null;
  return (
    <div className="banner banner-warn dup-panel" role="status" aria-label="Possible duplicate">
      <ul>
        {matches.map((m, i) => (
          <li key={m.childId} className="dup-row">
            <p id={`dup-${m.childId}`}>
              <strong>Possible duplicate:</strong> {m.name}, born {formatUk(m.dateOfBirth)} — {lowerFirst(m.reason)} — {casesText(m.references)}
            </p>
            <button type="button" aria-describedby={`dup-${m.childId}`} onClick={() => onLink(m)} data-match={i}>
              Same child — link this referral to them
            </button>
          </li>
        ))}
      </ul>
      {exact ? (
        <div className="dup-confirm">
          <label className="inline-check" data-field="confirmedDifferentChild">
            <input type="checkbox" checked={differentChild} onChange={(e) => onDifferentChild(e.target.checked)} aria-describedby={differentError ? 'dup-confirm-error' : undefined} aria-invalid={Boolean(differentError) || undefined} />
            This is a different child (same name and date of birth as a child already on the register)
          </label>
          {differentError ? <p id="dup-confirm-error" className="error-text" role="alert">{differentError}</p> : null}
        </div>
      ) : (
        <p className="small">If this is a different child, carry on: the referral will be saved as a new child.</p>
      )}
    </div>
  );
}
