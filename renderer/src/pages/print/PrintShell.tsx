import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Rag } from '../../../../shared/domain/vocab';
import type { MinutesAttendee } from '../../../../shared/api/minutesSchemas';
import { RAG_LABELS } from '../../../../shared/domain/vocab';
import { savePdf, type DocumentRequest } from '../../api/client';
import { formatUk, formatDateTime } from '../../lib/format';
import './print.css';

/**
 * The frame every printable document shares: a toolbar on screen (Save as PDF, Print, the other
 * variant, back), the running marks for a person printing from the browser, and `data-ready` on the
 * root once the document is laid out (logo decoded, fonts loaded) so PDF printing knows when to start.
 */
export function PrintShell({
  request,
  title,
  marking,
  runningTitle,
  variantLabel,
  otherVariant,
  back,
  loaded,
  error,
  children,
}: {
  request: DocumentRequest;
  /** The browser tab's title. */
  title: string | null;
  marking: string;
  runningTitle: string;
  variantLabel: string;
  otherVariant: { href: string; label: string } | null;
  back: { href: string; label: string };
  /** The document's data, once it has arrived (the shell waits for it before it is ready). */
  loaded: unknown;
  error: string | null;
  children: ReactNode;
}) {
  const [ready, setReady] = useState(false);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!loaded) return;
    setReady(false);
    if (title) document.title = title;
    let live = true;
    const images = [...(root.current?.querySelectorAll('img') ?? [])].map((img) => img.decode().catch(() => undefined));
    void Promise.all([document.fonts.ready, ...images]).then(() => {
      if (live) requestAnimationFrame(() => live && setReady(true));
    });
    return () => {
      live = false;
    };
  }, [loaded, title]);

  const save = async () => {
    setSaving(true);
    setMessage(null);
    try {
      const said = await savePdf(request);
      if (said) setMessage({ text: said, error: false });
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), error: true });
    } finally {
      setSaving(false);
    }
  };

  if (error) {
    return (
      <main className="minutes-print" data-ready="error">
        <p role="alert" className="print-error">This document could not be prepared: {error}</p>
        <p className="print-error"><a href={back.href}>{back.label}</a></p>
      </main>
    );
  }
  if (!loaded) return <main className="minutes-print" aria-busy="true"><p className="print-error">Preparing the document…</p></main>;

  return (
    <div className={`minutes-print variant-${request.variant}`} ref={root} data-ready={ready ? 'true' : undefined}>
      <style data-running-marking="">{runningMarks(marking, runningTitle, variantLabel)}</style>
      <nav className="print-toolbar" aria-label="Document">
        <button type="button" className="primary" onClick={() => void save()} disabled={saving || !ready}>
          {saving ? 'Preparing the PDF…' : 'Save as PDF'}
        </button>
        <button type="button" onClick={() => window.print()}>Print</button>
        {otherVariant && <a href={otherVariant.href}>{otherVariant.label}</a>}
        <a href={back.href}>{back.label}</a>
        {message && (
          <span role={message.error ? 'alert' : 'status'} className={message.error ? 'print-msg error' : 'print-msg'}>
            {message.text}
          </span>
        )}
      </nav>
      {children}
    </div>
  );
}

/** @page margin boxes: marking, title, variant and page numbers on every page the browser prints. */
function runningMarks(marking: string, title: string, variant: string): string {
  const q = (s: string) => `"${s.replace(/["\\]/g, '\\$&').replace(/\n/g, ' ')}"`;
  const box = 'font: 8pt Arial, "Liberation Sans", sans-serif; color: #333;';
  return `@media print { @page minutes {
    @top-left { content: ${q(marking)}; ${box} font-weight: 700; color: #000; }
    @top-center { content: ${q(title)}; ${box} }
    @top-right { content: ${q(variant)}; ${box} }
    @bottom-left { content: ${q(marking)}; ${box} font-weight: 700; color: #000; }
    @bottom-center { content: ${q(`${title} · ${variant}`)}; ${box} }
    @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} }
  } }`;
}

export function Fact({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'wide' : undefined}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function Rating({ rag }: { rag: Rag | null }) {
  return rag ? <span className={`m-rag m-rag-${rag}`}>{RAG_LABELS[rag]}</span> : <span className="m-rag m-rag-none">Not rated</span>;
}

export function Text({ label, text }: { label: string; text: string | null }) {
  if (!text) return null;
  return (
    <div className="m-text">
      <h4>{label}</h4>
      <p>{text}</p>
    </div>
  );
}

/** The authority's name and logo at the head of a document. */
export function Authority({ authority }: { authority: { name: string; logo: string | null } }) {
  return (
    <div className="m-authority">
      {authority.logo && <img src={authority.logo} alt="" className="m-logo" />}
      <span>{authority.name}</span>
    </div>
  );
}

/** What a redacted or full document says about itself, under its title. */
const VARIANT_NOTE = {
  redacted: ' — children are named by case reference and initials; addresses, contact details and dates of birth are removed.',
  full: ' — contains children’s names. Share only with panel members, on a need-to-know basis.',
} as const;

/**
 * The head of a meeting's document (minutes, agenda pack): marking, authority, title with its
 * status, the variant and what it means, and the meeting's facts. `missing` is what an unset fact
 * says ("Not recorded" after a meeting, "Not set" before it).
 */
export function MeetingDocHead({
  doc,
  heading,
  status,
  missing,
  children,
}: {
  doc: {
    marking: string;
    authority: { name: string; logo: string | null };
    variant: 'full' | 'redacted';
    variantLabel: string;
    meeting: { panelName: string; date: string; time: string; venue: string | null; onlineLink: string | null; register: string; chair: string | null; minuteTaker: string | null };
  };
  heading: string;
  status: { label: string; tone: 'draft' | 'approved' };
  missing: string;
  /** More facts, after the standard ones. */
  children?: ReactNode;
}) {
  const m = doc.meeting;
  return (
    <>
      <p className="marking" aria-label="Protective marking">{doc.marking}</p>
      <header className="m-head">
        <Authority authority={doc.authority} />
        <h1>
          {m.panelName}: {heading}
          <span className={`m-status ${status.tone}`}>{status.label}</span>
        </h1>
        <p className="m-variant">
          <strong>{doc.variantLabel}</strong>
          {VARIANT_NOTE[doc.variant]}
        </p>
        <dl className="m-facts">
          <Fact label="Date">{formatUk(m.date)}</Fact>
          <Fact label="Time">{m.time}</Fact>
          <Fact label="Venue">{m.venue ?? missing}{m.onlineLink ? ' (also online)' : ''}</Fact>
          <Fact label="Register">{m.register}</Fact>
          <Fact label="Chair">{m.chair ?? missing}</Fact>
          <Fact label="Minute-taker">{m.minuteTaker ?? missing}</Fact>
          {children}
        </dl>
      </header>
    </>
  );
}

/** The last line of a document: what it is and when Panel produced it. */
export function Produced({ parts, at }: { parts: string[]; at: string }) {
  return (
    <p className="m-generated">
      {parts.join(' · ')} · produced by Panel on {formatDateTime(at)}
    </p>
  );
}

/** People at or invited to a meeting, as the minutes and the agenda pack list them: name, role, note. */
export function PeopleList({ people, className }: { people: readonly MinutesAttendee[]; className?: string }) {
  return (
    <ul className={className}>
      {people.map((p, i) => (
        <li key={i}>
          <strong>{p.name}</strong>
          {p.role && <span className="role">, {p.role}</span>}
          {p.note && <span className="note"> ({p.note})</span>}
        </li>
      ))}
    </ul>
  );
}
