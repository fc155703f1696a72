import { useEffect, useState } from 'react';

/** The printable documents: the minutes and agenda pack of a meeting, the archiving form of a case. */
export type PrintDoc = 'minutes' | 'agenda' | 'archiving';
const PRINT_DOCS: readonly string[] = ['minutes', 'agenda', 'archiving'];

/** Hash routes work the same from file:// (Electron) and http:// (browser host). */
export type Route =
  | { page: 'register' }
  | { page: 'case'; id: number; tab: string | null }
  | { page: 'referral' }
  | { page: 'officers' }
  | { page: 'settings' }
  | { page: 'meetings' }
  | { page: 'meeting'; id: number; tab?: 'attendance' }
  | { page: 'cockpit'; id: number }
  | { page: 'projector'; id: number }
  | { page: 'print'; doc: PrintDoc; id: number; variant: 'full' | 'redacted' }
  | { page: 'panels' }
  | { page: 'home' }
  | { page: 'actions' }
  | { page: 'caseload' }
  | { page: 'escalations' }
  | { page: 'reports' }
  | { page: 'returns'; tab: string | null };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  switch (parts[0]) {
    case 'case': {
      const id = Number(parts[1]);
      return Number.isInteger(id) && id > 0 ? { page: 'case', id, tab: parts[2] ?? null } : { page: 'register' };
    }
    case 'referral':
      return { page: 'referral' };
    case 'meetings':
      return { page: 'meetings' };
    case 'register':
      return { page: 'register' };
    case 'actions':
      return { page: 'actions' };
    case 'caseload':
      return { page: 'caseload' };
    case 'escalations':
      return { page: 'escalations' };
    case 'reports':
      return { page: 'reports' };
    case 'panels':
      return { page: 'panels' };
    case 'returns':
      return { page: 'returns', tab: parts[1] ?? null };
    case 'meeting': {
      // #/meeting/<id>, or #/meeting/<id>/attendance to open on the attendance tab.
      const id = Number(parts[1]);
      if (!Number.isInteger(id) || id <= 0) return { page: 'meetings' };
      return parts[2] === 'attendance' ? { page: 'meeting', id, tab: 'attendance' } : { page: 'meeting', id };
    }
    case 'cockpit':
    case 'projector': {
      const id = Number(parts[1]);
      return Number.isInteger(id) && id > 0 ? { page: parts[0], id } : { page: 'meetings' };
    }
    case 'print': {
      // #/print/<minutes|agenda>/<meetingId>/<full|redacted>, #/print/archiving/<caseId>/full
      const id = Number(parts[2]);
      const doc = parts[1] as PrintDoc;
      const variant = (parts[3] ?? '').split('&')[0] === 'full' || doc === 'archiving' ? 'full' : 'redacted';
      return PRINT_DOCS.includes(doc) && Number.isInteger(id) && id > 0 ? { page: 'print', doc, id, variant } : { page: 'meetings' };
    }
    case 'officers':
      return { page: 'officers' };
    case 'settings':
      return { page: 'settings' };
    default:
      return { page: 'home' };
  }
}

export const hrefFor = (r: Route): string => {
  switch (r.page) {
    case 'case':
      return `#/case/${r.id}${r.tab ? `/${r.tab}` : ''}`;
    case 'meeting':
      return `#/meeting/${r.id}${r.tab ? `/${r.tab}` : ''}`;
    case 'cockpit':
    case 'projector':
      return `#/${r.page}/${r.id}`;
    case 'print':
      return `#/print/${r.doc}/${r.id}/${r.variant}`;
    case 'home':
      return '#/';
    case 'returns':
      return `#/returns${r.tab ? `/${r.tab}` : ''}`;
    default:
      return `#/${r.page}`;
  }
};

export function navigate(r: Route): void {
  window.location.hash = hrefFor(r);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
