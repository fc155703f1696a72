import { RAG_LABELS, type Rag } from '../../../shared/domain/vocab';

export function RagBadge({ rag }: { rag: Rag | null }) {
  if (!rag) return <span className="rag rag-none">Not rated</span>;
  return <span className={`rag rag-${rag}`}>{RAG_LABELS[rag]}</span>;
}
