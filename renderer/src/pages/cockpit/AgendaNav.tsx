import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { AgendaItem } from '../../../../shared/api/meetingSchemas';
import { agendaSection, groupBySection, progress } from './agendaView';

/**
 * The agenda down the left: section headings, a tick on each item done, the current one
 * highlighted. Click or Enter goes to an item; ↑/↓ move between items.
 */
export function AgendaNav({ items, currentId, onGo }: { items: readonly AgendaItem[]; currentId: number | null; onGo: (id: number) => void }) {
  const listRef = useRef<HTMLDivElement>(null);
  const p = progress(items.map((i) => ({ done: i.discussed })));
  const groups = groupBySection(items, agendaSection);

  useEffect(() => {
    const el = listRef.current?.querySelector<HTMLElement>('[aria-current="step"]');
    el?.scrollIntoView({ block: 'nearest' });
  }, [currentId]);

  const onKey = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
    const buttons = Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button.ck-agenda-item') ?? []);
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    e.preventDefault();
    buttons[Math.min(buttons.length - 1, Math.max(0, i + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  };

  return (
    <nav className="ck-agenda" aria-label="Agenda">
      <div className="ck-agenda-head">
        <h2>Agenda</h2>
        <div className="ck-progress" aria-label={`Progress: ${p.text}`}>
          <span>{p.text}</span>
          <progress max={Math.max(1, p.total)} value={p.done} aria-hidden="true" />
        </div>
      </div>
      <div className="ck-agenda-list" ref={listRef} onKeyDown={onKey}>
        {groups.map((g, gi) => (
          <div key={gi} className="ck-agenda-group">
            {g.heading ? <h3 className="ck-section">{g.heading} <span className="ck-section-count">{g.items.length}</span></h3> : null}
            <ol>
              {g.items.map((it) => {
                const current = it.id === currentId;
                return (
                  <li key={it.id}>
                    <button
                      type="button"
                      className={`ck-agenda-item${current ? ' is-current' : ''}${it.discussed ? ' is-done' : ''}`}
                      aria-current={current ? 'step' : undefined}
                      onClick={() => onGo(it.id)}
                    >
                      <span className="ck-tick" aria-hidden="true">{it.discussed ? '✓' : ''}</span>
                      <span className="ck-agenda-title">
                        {it.kind === 'case' ? (
                          <>
                            <span className="ck-agenda-ref">{it.caseReference}</span> {it.caseName}
                          </>
                        ) : (
                          it.title
                        )}
                        {it.discussed ? <span className="sr-only"> (discussed)</span> : null}
                      </span>
                      {it.kind === 'case' && it.caseRag ? <span className={`ck-dot ck-dot-${it.caseRag}`} title={`RAG ${it.caseRag}`} /> : null}
                      {it.actionsAgreed > 0 ? <span className="ck-agenda-count" title="Actions agreed">{it.actionsAgreed}</span> : null}
                    </button>
                  </li>
                );
              })}
            </ol>
          </div>
        ))}
      </div>
    </nav>
  );
}
