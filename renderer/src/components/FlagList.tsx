import { CHILD_FLAGS } from '../../../shared/domain/vocab';

/** Safeguarding-relevant flags first; shown as chips wherever a child appears. */
const URGENT = new Set(['childProtectionPlan', 'missingFromHomeOrCare', 'atRiskOfExploitation', 'lookedAfter']);

export function FlagList({ flags, empty = 'No flags' }: { flags: readonly string[]; empty?: string }) {
  if (flags.length === 0) return <span className="muted">{empty}</span>;
  const ordered = CHILD_FLAGS.filter((f) => flags.includes(f.code)).sort((a, b) => Number(URGENT.has(b.code)) - Number(URGENT.has(a.code)));
  return (
    <ul className="flags" aria-label="Flags">
      {ordered.map((f) => (
        <li key={f.code} className={`flag${URGENT.has(f.code) ? ' flag-urgent' : ''}`}>{f.label}</li>
      ))}
    </ul>
  );
}
