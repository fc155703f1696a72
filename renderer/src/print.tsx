import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useRoute } from './lib/router';
import { useAppInfo } from './data/hooks';
import { TodayProvider } from './data/today';
import { hasAccess } from './api/client';
import { PrintPage } from './pages/print/PrintPage';
import './styles.css';

/**
 * The lean print entry (print.html): only the printable documents, so PDF printing loads a small
 * bundle instead of the whole app (issue 12). The same PrintPage the app shows at #/print/…; any
 * other route (a link in the document's toolbar) goes to the full app at the same place.
 */
function PrintApp() {
  const route = useRoute();
  const info = useAppInfo();
  if (route.page !== 'print') {
    window.location.replace(`./index.html${window.location.hash}`);
    return null;
  }
  const problem = !hasAccess() ? 'Panel needs its access link (it ends with #token=…).' : info.error;
  if (problem) return <main className="minutes-print" data-ready="error"><p role="alert" className="print-error">{problem}</p></main>;
  if (!info.data) return <main className="minutes-print" aria-busy="true"><p className="print-error">Preparing the document…</p></main>;
  return <TodayProvider today={info.data.today}><PrintPage route={route} /></TodayProvider>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PrintApp />
  </StrictMode>,
);
