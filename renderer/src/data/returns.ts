/** School returns and notices: the queries the returns screens load, and what their saves make out of date. */
import type { MethodInput } from '../../../shared/api/contract';
import { useQuery } from './useQuery';

export const useSchools = () => useQuery('schools.list', { includeInactive: true });
export const useReturnsStatus = (halfTerm: string | null) => useQuery('returns.status', { halfTerm }, { key: halfTerm ?? 'current' });
export const useReturnsReport = (input: MethodInput<'returns.report'>) => useQuery('returns.report', input, { key: JSON.stringify(input) });
export const useNotices = (kind: 'deletion' | 'admission' | null) => useQuery('notices.list', { kind }, { key: kind ?? 'all' });

/** An import, nil return, undo or notice changes the returns screens, the register and the agendas built from it. */
export const RETURNS_WRITES = ['returns.', 'schools.', 'notices.', 'register.list', 'alerts.home', 'meetings.'] as const;

/** A file the officer chose, as the contract takes it (the services parse it; the page never does). */
export async function fileToInput(file: File): Promise<{ name: string; base64: string }> {
  const buf = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return { name: file.name, base64: btoa(bin) };
}

/** Bytes the services send back (a template, the report's CSV) as a Blob to save. */
export function base64Blob(base64: string, type: string): Blob {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i += 1) out[i] = bin.charCodeAt(i);
  return new Blob([out], { type });
}

/** Largest file the page sends (the contract's limit is about 3 MB of file). */
export const MAX_FILE_BYTES = 2_900_000;
