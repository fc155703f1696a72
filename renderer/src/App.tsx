import { useRoute, hrefFor, type Route } from './lib/router';
import { useEffect } from 'react';
import type { MethodName } from '../../shared/api/contract';
import { useAppInfo } from './data/hooks';
import { SessionProvider, useCan, useSessionStatus } from './data/session';
import { SignInPage } from './pages/session/SignInPage';
import { SetupPage } from './pages/session/SetupPage';
import { SignedInUser } from './pages/session/SignedInUser';
import type { SessionUser } from '../../shared/api/session';
import { TodayProvider } from './data/today';
import { hasAccess } from './api/client';
import { FirstRun } from './pages/FirstRun';
import { RegisterPage } from './pages/RegisterPage';
import { CasePage } from './pages/CasePage';
import { NewReferralPage } from './pages/NewReferralPage';
import { OfficersPage } from './pages/OfficersPage';
import { AuditAlert } from './pages/settings/AuditTrail';
import { RegisterFileAlert } from './pages/settings/RegisterFile';
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

/** `needs`: the nav entry shows only to roles that may call that method (shared/api/permissions.ts). */
const NAV: { route: Route; label: string; also?: Route['page'][]; needs?: MethodName }[] = [
  { route: { page: 'home' }, label: 'Home' },
  { route: { page: 'register' }, label: 'Register', also: ['case'] },
  { route: { page: 'referral' }, label: 'New referral', needs: 'referrals.create' },
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
  if (!hasAccess()) {
    return (
      <main className="first-run">
        <h1>Panel needs its access link</h1>
        <p>Open the full address Panel printed when it started (it ends with <code>#token=…</code>).</p>
      </main>
    );
  }
  return <SessionGate />;
}

/**
 * Nothing of the register is shown until someone signs in (issue 13). When the app locks (idle,
 * sign out, the computer locking) the signed-in app unmounts, so no page keeps names on screen.
 */
function SessionGate() {
  const session = useSessionStatus();
  const { status } = session;
  if (!status) {
    if (session.error) return <main className="first-run"><h1>Panel can’t reach its register</h1><p role="alert">{session.error}</p></main>;
    return <main className="first-run" aria-busy="true"><p>Opening Panel…</p></main>;
  }
  if (status.state === 'setup') return <SetupPage status={status} onDone={session.set} />;
  if (status.state !== 'open' || !status.user) return <SignInPage status={status} onSignedIn={session.set} />;
  return (
    <SessionProvider status={status}>
      <SignedInApp key={status.user.id} user={status.user} idleMinutes={status.idleMinutes} onSignedOut={() => void session.refresh()} />
    </SessionProvider>
  );
}

function SignedInApp({ user, idleMinutes, onSignedOut }: { user: SessionUser; idleMinutes: number; onSignedOut: () => void }) {
  const route = useRoute();
  const info = useAppInfo();
  const can = useCan();
  // The host's date is read again on each page change, so a window left open overnight moves on.
  const { reload } = info;
  useEffect(() => {
    void reload();
  }, [route.page, reload]);

  if (info.error) return <main className="first-run"><h1>Panel can’t reach its register</h1><p role="alert">{info.error}</p></main>;
  if (!info.data) return <main className="first-run" aria-busy="true"><p>Opening the register…</p></main>;
  if (!info.data.setupDone) return <FirstRun canSetUp={can('app.setup')} onDone={() => void info.reload()} />;
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
          {NAV.filter((n) => !n.needs || can(n.needs)).map((n) => (
            <a key={n.label} href={hrefFor(n.route)} aria-current={route.page === n.route.page || n.also?.includes(route.page) ? 'page' : undefined}>
              {n.label}
            </a>
          ))}
        </nav>
        <SignedInUser user={user} dbPath={info.data.dbPath} onSignedOut={onSignedOut} />
      </header>
      <main id="main" className="content">
        <RegisterFileAlert />
        <AuditAlert />
        {user.role === 'panel_member' ? (
          <p className="banner banner-info readonly-note">You are signed in as a panel member: you can read the register and the minutes. Changes are made by officers and managers.</p>
        ) : null}
        {route.page === 'register' && <RegisterPage />}
        {route.page === 'case' && <CasePage id={route.id} tab={route.tab} />}
        {route.page === 'referral' && (can('referrals.create') ? <NewReferralPage /> : <p>A panel member can’t add referrals. Ask an officer.</p>)}
        {route.page === 'officers' && <OfficersPage />}
        {route.page === 'settings' && <SettingsPage info={info.data} idleMinutes={idleMinutes} onChanged={() => void info.reload()} />}
        {route.page === 'meetings' && <MeetingsPage />}
        {route.page === 'meeting' && <MeetingPrepPage key={`${route.id}:${route.tab ?? ''}`} id={route.id} initialTab={route.tab ?? 'agenda'} />}
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
