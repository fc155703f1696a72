import { useId, useState, type KeyboardEvent } from 'react';
import type { PickedCase } from '../../../../shared/api/register';
import { formatUk } from '../../../../shared/domain/dates';

/** How a case reads in the list and once chosen: reference, child, date of birth (and closed). */
export const pickedLabel = (c: PickedCase) => `${c.reference} — ${c.forenames} ${c.surname}, born ${formatUk(c.dateOfBirth)}${c.status === 'closed' ? ' (closed)' : ''}`;

/**
 * A case reference box that lists matching cases as the officer types (the ARIA combobox pattern:
 * arrows move through the list, Enter chooses, Escape closes the list before the dialog). Choosing
 * puts the case's reference in the box; what matches is asked of the host by the caller.
 */
export function CasePicker({ field, value, onChange, matches, more }: {
  field: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined };
  value: string;
  onChange: (text: string) => void;
  /** Cases matching `value` (null: still being looked for). */
  matches: readonly PickedCase[] | null;
  more: boolean;
}) {
  const listId = useId();
  const [listOpen, setListOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const options = matches ?? [];
  // Once the box holds exactly the one case listed, the list has nothing more to offer.
  const chosen = options.length === 1 && options[0]!.reference === value.trim().toUpperCase();
  const expanded = listOpen && value.trim() !== '' && matches !== null && !chosen;
  const choose = (c: PickedCase) => {
    onChange(c.reference);
    setListOpen(false);
    setActive(-1);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setListOpen(true);
      if (options.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if (e.key === 'Enter' && expanded && active >= 0 && options[active]) {
      e.preventDefault(); // choose the case, don't submit the form
      choose(options[active]);
    } else if (e.key === 'Escape' && expanded) {
      e.preventDefault(); // close the list, not the dialog
      e.stopPropagation();
      setListOpen(false);
      setActive(-1);
    }
  };
  return (
    <div className="case-picker">
      <input
        {...field}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        value={value}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          onChange(e.target.value);
          setListOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setListOpen(false)}
      />
      <ul id={listId} role="listbox" aria-label="Matching cases" className="case-picker-list" hidden={!expanded}>
        {options.map((c, i) => (
          <li
            key={c.caseId}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'is-active' : undefined}
            // mousedown, not click: the box keeps focus (a click would blur it and close the list first).
            onMouseDown={(e) => {
              e.preventDefault();
              choose(c);
            }}
          >
            <span className="case-picker-ref">{c.reference}</span> {c.forenames} {c.surname}
            <span className="muted"> · born {formatUk(c.dateOfBirth)}{c.status === 'closed' ? ' · closed' : ''}</span>
          </li>
        ))}
        {options.length === 0 ? <li role="option" aria-selected={false} aria-disabled="true" className="muted">No case matches “{value.trim()}”.</li> : null}
        {more ? <li role="option" aria-selected={false} aria-disabled="true" className="muted small">More cases match: keep typing to narrow the list.</li> : null}
      </ul>
    </div>
  );
}
