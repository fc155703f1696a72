// Being written now.
export function EscalationsPage() {
  return <p>Loading…</p>;
}
