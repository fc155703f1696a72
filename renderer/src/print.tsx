import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useRoute } from './lib/router';
import { useAppInfo } from './data/hooks';
import { TodayProvider } from './data/today';
import { hasAccess, preloadReplies } from './api/client';
import { PrintPage } from './pages/print/PrintPage';
import type { PreloadedReply } from '../../shared/api/preloadedReplies';
import './styles.css';

/**
 * The lean print entry (print.html): only the printable documents, so PDF printing loads a small
 * bundle instead of the whole app (issue 12). The same PrintPage the app shows at #/print/…; any
 * other route (a link in the document's toolbar) goes to the full app at the same place.
 */
function PrintApp({ job }: { job: number }) {
  const route = useRoute();
  const info = useAppInfo();
  if (route.page !== 'print') {
    window.location.replace(`./index.html${window.location.hash}`);
    return null;
  }
  const problem = !hasAccess() ? 'Panel needs its access link (it ends with #token=…).' : info.error;
  const body = problem ? (
    <main className="minutes-print" data-ready="error"><p role="alert" className="print-error">{problem}</p></main>
  ) : !info.data ? (
    <main className="minutes-print" aria-busy="true"><p className="print-error">Preparing the document…</p></main>
  ) : (
    <TodayProvider today={info.data.today}><PrintPage route={route} /></TodayProvider>
  );
  // The PDF printer waits for this job's document to say it is ready, not the last one's.
  return <div data-print-job={job}>{body}</div>;
}

const root = createRoot(document.getElementById('root')!);
let job = 0;
const show = () =>
  root.render(
    <StrictMode>
      <PrintApp key={job} job={job} />
    </StrictMode>,
  );

declare global {
  interface Window {
    /**
     * The host's PDF printer, in its warm page: shows another document without loading the page
     * again, with the replies it would ask for (app.info and the document) already in hand.
     * Returns the job number its root is marked with.
     */
    panelPrint?: (next: { hash: string; replies: PreloadedReply[] }) => number;
  }
}
window.panelPrint = ({ hash, replies }) => {
  preloadReplies(replies);
  history.replaceState(null, '', window.location.pathname + window.location.search + hash);
  job += 1;
  show();
  return job;
};
show();
