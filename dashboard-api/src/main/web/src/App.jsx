import { useEffect, useState } from 'preact/hooks';
import { whoami } from './api.js';
import { clearError, onError } from './errors.js';
import { onLanguageChange, t } from './i18n.js';
import { LanguageSwitch } from './LanguageSwitch.jsx';
import { EnterprisePage } from './pages/Enterprise.jsx';
import { LivePage } from './pages/Live.jsx';
import { LoginPage, homeOf } from './pages/Login.jsx';
import { RankingPage } from './pages/Ranking.jsx';
import { ReportsPage } from './pages/Reports.jsx';
import { WhatIfPage } from './pages/WhatIf.jsx';
import { useRoute } from './router.js';
import {
  choosePark, clearSession, currentPark, currentSession, isOperator, knownParks,
} from './session.js';

export function App() {
  const [, setLang] = useState(null);
  const [session, setSession] = useState(currentSession);
  const [error, setError] = useState(null);
  const [park, setPark] = useState(() => currentPark(session));
  const route = useRoute();

  useEffect(() => onLanguageChange(setLang), []);
  useEffect(() => onError(setError), []);
  useEffect(() => clearError(), [route.path]);
  // The session may be gone (401 sends the user to #/login and clears it): follow the hash.
  useEffect(() => {
    const now = currentSession();
    if (now?.token !== session?.token) setSession(now);
  }, [route.path]);
  // A kept token may have been revoked or the API restarted: ask once who we are.
  useEffect(() => { if (session) whoami().catch(() => {}); }, [session?.token]);

  if (!session || route.path === '/login') {
    return (
      <LoginPage onLoggedIn={(s) => { setSession(s); setPark(currentPark(s)); }} />
    );
  }

  const operator = isOperator(session);
  const big = route.path === '/live' && route.params.get('screen') === 'big';
  const page = renderPage(route, session, park, big);

  return (
    <div class={big ? 'app big' : 'app'}>
      {!big && (
        <header class="topbar">
          <a class="brand" href={homeOf(session)}>{t('app.title')}</a>
          <nav>
            {operator && <a href="#/live" data-testid="nav-live" class={route.path === '/live' ? 'on' : ''}>{t('nav.live')}</a>}
            {operator && <a href="#/ranking" data-testid="nav-ranking" class={route.path === '/ranking' ? 'on' : ''}>{t('nav.ranking')}</a>}
            {operator && <a href="#/what-if" data-testid="nav-what-if" class={route.path === '/what-if' ? 'on' : ''}>{t('nav.whatIf')}</a>}
            {!operator && <a href="#/home" data-testid="nav-home" class={route.path === '/home' ? 'on' : ''}>{t('nav.home')}</a>}
            <a href="#/reports" data-testid="nav-reports" class={route.path === '/reports' ? 'on' : ''}>{t('nav.reports')}</a>
          </nav>
          <div class="spacer" />
          <ParkChooser session={session} park={park} onChange={(p) => { choosePark(p); setPark(p); }} />
          {operator && <a href="#/live?screen=big" class="button" data-testid="big-screen-toggle">{t('nav.bigScreen')}</a>}
          <LanguageSwitch />
          <span class="who muted" data-testid="user-name">{session.name || ''}</span>
          <button type="button" data-testid="logout" onClick={() => { clearSession(); setSession(null); location.hash = '#/login'; }}>
            {t('nav.logout')}
          </button>
        </header>
      )}
      {big && <a class="big-exit" href="#/live" data-testid="big-screen-exit" title={t('nav.exitBigScreen')}>×</a>}
      {big && <BigScreenKeys />}
      {error && (
        <div class="error-banner global" role="alert" data-testid="error-banner" data-status={error.status ?? ''}>
          <span>{error.message}</span>
          {error.problems && <ul>{error.problems.map((p) => <li key={p}>{p}</li>)}</ul>}
          <button type="button" class="link" data-testid="error-dismiss" onClick={clearError}>{t('common.dismiss')}</button>
        </div>
      )}
      <main>{page}</main>
    </div>
  );
}

function renderPage(route, session, park, big) {
  const operator = isOperator(session);
  const [first, second] = route.segments;
  if (!park) return <p class="muted page">{t('park.none')}</p>;
  if (!first) {
    location.hash = homeOf(session);
    return null;
  }
  switch (first) {
    case 'live': return operator ? <LivePage key={`${park}-${big}`} park={park} big={big} /> : <Forbidden />;
    case 'ranking': return operator ? <RankingPage key={park} park={park} /> : <Forbidden />;
    case 'what-if': return operator ? <WhatIfPage key={park} park={park} /> : <Forbidden />;
    case 'reports': return <ReportsPage park={park} />;
    case 'home':
      if (operator || !session.enterprise) return <Forbidden />;
      return <EnterprisePage key={`${park}-${session.enterprise}`} park={park} id={session.enterprise} home />;
    case 'enterprise':
      if (!second) return <NotFound />;
      // An enterprise sees its own page only; the API refuses the rest anyway.
      if (!operator && second !== session.enterprise) return <Forbidden />;
      return <EnterprisePage key={`${park}-${second}`} park={park} id={second} home={!operator} />;
    default: return <NotFound />;
  }
}

function ParkChooser({ session, park, onChange }) {
  const parks = knownParks(session);
  if (parks.length > 1) {
    return (
      <select data-testid="park-select" value={park} onChange={(e) => onChange(e.currentTarget.value)} title={t('park.label')}>
        {parks.map((p) => <option key={p} value={p}>{p}</option>)}
      </select>
    );
  }
  if (parks.length === 0 || session.parks?.includes('*')) {
    // Every park: there is no list to choose from, so the park is typed.
    return (
      <input data-testid="park-input" class="park-input" placeholder={t('park.label')} value={park}
        onChange={(e) => onChange(e.currentTarget.value.trim())} />
    );
  }
  return <span class="muted" data-testid="park-name">{park}</span>;
}

function BigScreenKeys() {
  useEffect(() => {
    const onKey = (e) => { if (e.key === 'Escape') location.hash = '#/live'; };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
  return null;
}

function Forbidden() {
  return (
    <div class="page notice" data-testid="forbidden">
      <h1>{t('forbidden.title')}</h1>
      <p>{t('forbidden.text')}</p>
    </div>
  );
}

function NotFound() {
  return (
    <div class="page notice" data-testid="not-found">
      <h1>{t('notFound.title')}</h1>
    </div>
  );
}
