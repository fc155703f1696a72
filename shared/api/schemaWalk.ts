/**
 * Reading a zod schema's structure, for the code that walks an input schema beside its value
 * (pastDates.ts) and the test that walks every input for bounds (contractBounds.test.ts).
 */
export type SchemaDef = { type: string; [k: string]: unknown };

export const defOf = (schema: unknown): SchemaDef => (schema as { _zod: { def: SchemaDef } })._zod.def;

/** The schema a wrapper (optional, nullable, default, a transform's pipe, lazy …) hands its value to; null for any other kind. */
export function innerOf(d: SchemaDef): unknown {
  switch (d.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return d.innerType;
    case 'pipe':
      return d.in;
    case 'lazy':
      return (d.getter as () => unknown)();
    default:
      return null;
  }
}
