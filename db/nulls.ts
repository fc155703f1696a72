/**
 * The one set of null helpers for reading rows: a nullable column stays null, else becomes a
 * string, number or code. db/ and the services (electron/services/rows.ts) both read rows with them.
 */
export const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
/** Free text where an empty string means nothing was written. */
export const textOrNull = (v: unknown): string | null => (v === '' ? null : strOrNull(v));
/** A code column (a RAG rating, a team) read as its union type; the schema's CHECK keeps it one of them. */
export const codeOrNull = <T extends string>(v: unknown): T | null => strOrNull(v) as T | null;
