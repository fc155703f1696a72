import { strOrNull, textOrNull } from '../rows';
import type { Db } from '../../../db/open';
import { buildRedactionIndex, initials, redactorFor, type RedactionIndex, type RedactionOwner, type RedactionPerson, type Redactor } from '../../../shared/domain/redaction';
import type { Row } from '../rows';
import { matchOwner, type OfficerName } from '../../../shared/domain/actionOwner';

/**
 * Every person on the register, as the redactor needs them: each child (siblings are children
 * too) with their DOB, UPN, addresses and contacts, and each adult recorded for a child. Adults
 * get negative ids so they never collide with a child's.
 */
function* registerPeople(db: Db): Generator<RedactionPerson> {
  const lines = new Map<number, string[]>();
  for (const a of db.prepare('SELECT child_id, line1, line2, postcode FROM addresses').iterate() as IterableIterator<Row>) {
    const list = lines.get(Number(a.child_id)) ?? [];
    for (const v of [a.line1, a.line2, a.postcode]) if (v) list.push(String(v));
    lines.set(Number(a.child_id), list);
  }
  for (const c of db.prepare('SELECT id, forenames, surname, known_as, former_names, date_of_birth, upn FROM children').iterate() as IterableIterator<Row>) {
    yield {
      id: Number(c.id),
      role: 'child',
      forenames: String(c.forenames),
      surname: String(c.surname),
      knownAs: strOrNull(c.known_as),
      formerNames: strOrNull(c.former_names),
      dateOfBirth: String(c.date_of_birth),
      upn: strOrNull(c.upn),
      addresses: lines.get(Number(c.id)) ?? [],
    };
  }
  for (const a of db.prepare('SELECT id, name, phone, email FROM adults').iterate() as IterableIterator<Row>) {
    const parts = String(a.name).trim().split(/\s+/);
    // "Mrs Kelly Fairbrother": a title is not a name.
    if (parts.length > 1 && /^(?:mr|mrs|ms|miss|mx|dr)\.?$/i.test(parts[0]!)) parts.shift();
    const surname = parts.length > 1 ? parts.pop()! : '';
    yield { id: -Number(a.id), role: 'adult', forenames: parts.join(' '), surname, addresses: [], contacts: [a.phone, a.email].filter((v): v is string => Boolean(v)).map(String) };
  }
}

/** The register changes with every audited write (and rows are only added by audited inserts). */
const stampOf = (db: Db) =>
  JSON.stringify(db.prepare('SELECT (SELECT max(id) FROM audit) a, (SELECT count(*) FROM children) c, (SELECT count(*) FROM adults) d, (SELECT count(*) FROM addresses) e').get());

const cache = new WeakMap<Db, { stamp: string; index: RedactionIndex }>();

/** The register's redaction index, rebuilt only when the register has changed since the last call. */
export function registerRedactionIndex(db: Db): RedactionIndex {
  const stamp = stampOf(db);
  const hit = cache.get(db);
  if (hit && hit.stamp === stamp) return hit.index;
  const index = buildRedactionIndex(registerPeople(db));
  cache.set(db, { stamp, index });
  return index;
}

/**
 * The redactor for one document: the whole register's people, with the officers' names and the
 * names typed into these meetings' attendance (deputies, guests: professionals in role) kept.
 */
export function documentRedactor(db: Db, meetingIds: number[]): Redactor {
  const keep = (db.prepare('SELECT name FROM officers').all() as { name: string }[]).map((o) => o.name);
  const attendance = db.prepare('SELECT name FROM attendance WHERE meeting_id = ?');
  for (const id of meetingIds) for (const a of attendance.all(id) as { name: string }[]) keep.push(a.name);
  return redactorFor(registerRedactionIndex(db), { keep });
}

/**
 * A document's field writer: a column's text as it should be printed, redacted when the document
 * is (`redactor` null for the full variant). Blank reads as null.
 */
export function documentText(redactor: Redactor | null): (v: unknown, own?: RedactionOwner) => string | null {
  return (v, own) => {
    const s = textOrNull(v);
    return s === null || !redactor ? s : redactor(s, own);
  };
}

/** The child a case item is about, so their own full name may become their initials. */
export function ownerOf(r: Row): RedactionOwner | undefined {
  return r.child_id === null || r.child_id === undefined ? undefined : { id: Number(r.child_id), initials: initials(String(r.forenames), String(r.surname)) };
}

/**
 * An action owner typed as an officer's own name (saved as text before owners were matched, or
 * naming an officer who has since left) is staff, printed whole like an owner saved by id; null for
 * anyone else, whose name is free text and goes through the redactor.
 */
export function officerOwnerName(officers: readonly OfficerName[]): (typed: unknown) => string | null {
  return (typed) => {
    const text = textOrNull(typed);
    if (text === null) return null;
    const m = matchOwner(text, officers);
    return m.kind === 'officer' ? m.officer.name : null;
  };
}
