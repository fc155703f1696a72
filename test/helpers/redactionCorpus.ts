import corpus from '../fixtures/redaction-corpus.json';
import type { RedactionPerson } from '../../shared/domain/redaction';

export interface CorpusSentence { text: string; leaks: string[]; keeps?: string[] }
export const CORPUS = corpus as unknown as {
  register: {
    onAgenda?: boolean;
    child: { forenames: string; surname: string; knownAs?: string; dateOfBirth: string; gender: string; upn?: string };
    siblings?: { forenames: string; surname: string; dateOfBirth: string; gender: string; refer: boolean }[];
    address?: { line1: string; line2?: string; town?: string; postcode?: string };
    adults?: { name: string; relationship?: string; phone?: string; email?: string }[];
  }[];
  officers: string[];
  deputies: string[];
  sentences: CorpusSentence[];
};

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

/** Each identifier in `leaks` still readable in `text`: any case, accents optional, whole words. */
export function leaksIn(text: string, leaks: string[]): string[] {
  const t = fold(text);
  return leaks.filter((l) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(fold(l))}(?![\\p{L}\\p{N}])`, 'iu').test(t));
}

/** Every identifier of the corpus, for counting leaks in a whole document. */
/** (Initials are left out: a document rightly names each agenda child by their own initials in their own item.) */
export const ALL_LEAKS = [...new Set(CORPUS.sentences.flatMap((s) => s.leaks))].filter((l) => !/^([A-Z]\.)+$/.test(l));
export const KEPT = [...CORPUS.officers, ...CORPUS.deputies];

/** The corpus register as the redactor's people (ids: children 1.., adults -1..). */
export function corpusPeople(): RedactionPerson[] {
  const people: RedactionPerson[] = [];
  let child = 0;
  let adult = 0;
  for (const r of CORPUS.register) {
    const a = r.address;
    people.push({ id: ++child, role: 'child', ...r.child, addresses: a ? [a.line1, a.line2, a.postcode].filter((x): x is string => Boolean(x)) : [] });
    for (const s of r.siblings ?? []) people.push({ id: ++child, role: 'child', ...s, addresses: [] });
    for (const x of r.adults ?? []) {
      const parts = x.name.split(' ');
      const surname = parts.pop()!;
      people.push({ id: -++adult, role: 'adult', forenames: parts.join(' '), surname, addresses: [], contacts: [x.phone, x.email].filter((v): v is string => Boolean(v)) });
    }
  }
  return people;
}
