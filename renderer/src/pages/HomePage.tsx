// Being written now.
export function HomePage() {
  return <p>Loading…</p>;
}
