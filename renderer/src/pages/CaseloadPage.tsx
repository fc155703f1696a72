// Being written now.
export function CaseloadPage() {
  return <p>Loading…</p>;
}
