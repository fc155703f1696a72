import { useRoute, hrefFor, type Route } from './lib/router';
import { useEffect } from 'react';
import { useAppInfo } from './data/hooks';
import { TodayProvider } from './data/today';
import { hasAccess } from './api/client';
import { FirstRun } from './pages/FirstRun';
import { RegisterPage } from './pages/RegisterPage';
import { CasePage } from './pages/CasePage';
import { NewReferralPage } from './pages/NewReferralPage';
import { OfficersPage } from './pages/OfficersPage';
import { AuditAlert } from './pages/settings/AuditTrail';
import { SettingsPage } from './pages/SettingsPage';
import { MeetingsPage } from './pages/MeetingsPage';
import { MeetingPrepPage } from './pages/MeetingPrepPage';
import { CockpitPage } from './pages/CockpitPage';
import { ProjectorPage } from './pages/ProjectorPage';
import { PrintPage } from './pages/print/PrintPage';
import { PanelsPage } from './pages/PanelsPage';
import { HomePage } from './pages/HomePage';
import { ActionsPage } from './pages/ActionsPage';
import { CaseloadPage } from './pages/CaseloadPage';
import { EscalationsPage } from './pages/EscalationsPage';
import { ReportsPage } from './pages/ReportsPage';
import { ReturnsPage } from './pages/ReturnsPage';

const NAV: { route: Route; label: string; also?: Route['page'][] }[] = [
  { route: { page: 'home' }, label: 'Home' },
  { route: { page: 'register' }, label: 'Register', also: ['case'] },
  { route: { page: 'referral' }, label: 'New referral' },
  { route: { page: 'meetings' }, label: 'Meetings', also: ['meeting', 'cockpit'] },
  { route: { page: 'actions' }, label: 'Actions' },
  { route: { page: 'escalations' }, label: 'Escalations' },
  { route: { page: 'caseload' }, label: 'Caseload' },
  { route: { page: 'returns', tab: null }, label: 'School returns' },
  { route: { page: 'reports' }, label: 'Reports' },
  { route: { page: 'officers' }, label: 'Officers' },
  { route: { page: 'panels' }, label: 'Panels & calendar' },
  { route: { page: 'settings' }, label: 'Settings' },
];

export function App() {
  const route = useRoute();
  const info = useAppInfo();
  // The host's date is read again on each page change, so a window left open overnight moves on.
  const { reload } = info;
  useEffect(() => {
    void reload();
  }, [route.page, reload]);

  if (!hasAccess()) {
    return (
      <main className="first-run">
        <h1>Panel needs its access link</h1>
        <p>Open the full address Panel printed when it started (it ends with <code>#token=…</code>).</p>
      </main>
    );
  }
  if (info.error) return <main className="first-run"><h1>Panel can’t reach its register</h1><p role="alert">{info.error}</p></main>;
  if (!info.data) return <main className="first-run" aria-busy="true"><p>Opening the register…</p></main>;
  if (!info.data.setupDone) return <FirstRun defaultName={info.data.userName} onDone={() => void info.reload()} />;
  // The room's screen: no app chrome, nothing but the meeting.
  if (route.page === 'projector') return <TodayProvider today={info.data.today}><ProjectorPage id={route.id} /></TodayProvider>;
  // Printable documents (and what PDF printing prints): no app chrome.
  if (route.page === 'print') return <TodayProvider today={info.data.today}><PrintPage route={route} /></TodayProvider>;

  return (
    <TodayProvider today={info.data.today}>
    <div className="app">
      <a className="skip" href="#main">Skip to content</a>
      <header className="sidebar">
        <span className="brand">Panel</span>
        <nav aria-label="Main">
          {NAV.map((n) => (
            <a key={n.label} href={hrefFor(n.route)} aria-current={route.page === n.route.page || n.also?.includes(route.page) ? 'page' : undefined}>
              {n.label}
            </a>
          ))}
        </nav>
        <span className="user" title={`Register: ${info.data.dbPath}`}>Signed in as<br /><strong>{info.data.userName}</strong></span>
      </header>
      <main id="main" className="content">
        <AuditAlert />
        {route.page === 'register' && <RegisterPage />}
        {route.page === 'case' && <CasePage id={route.id} tab={route.tab} />}
        {route.page === 'referral' && <NewReferralPage />}
        {route.page === 'officers' && <OfficersPage />}
        {route.page === 'settings' && <SettingsPage info={info.data} onChanged={() => void info.reload()} />}
        {route.page === 'meetings' && <MeetingsPage />}
        {route.page === 'meeting' && <MeetingPrepPage id={route.id} />}
        {route.page === 'cockpit' && <CockpitPage id={route.id} />}
        {route.page === 'panels' && <PanelsPage />}
        {route.page === 'home' && <HomePage />}
        {route.page === 'actions' && <ActionsPage />}
        {route.page === 'caseload' && <CaseloadPage />}
        {route.page === 'escalations' && <EscalationsPage />}
        {route.page === 'reports' && <ReportsPage />}
        {route.page === 'returns' && <ReturnsPage tab={route.tab} />}
      </main>
    </div>
    </TodayProvider>
  );
}
