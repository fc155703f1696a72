// Being written now.
export function ActionsPage() {
  return <p>Loading…</p>;
}
