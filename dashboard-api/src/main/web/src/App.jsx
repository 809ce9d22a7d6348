import { useEffect, useState } from 'preact/hooks';
import { getJson, parkPath, whoami } from './api.js';
import { getParkZone, setParkZone, zoneLabel } from './dates.js';
import { clearError, onError } from './errors.js';
import { getLang, onLanguageChange, t } from './i18n.js';
import { LanguageSwitch } from './LanguageSwitch.jsx';
import { CarbonPage } from './pages/Carbon.jsx';
import { EnterprisePage } from './pages/Enterprise.jsx';
import { LivePage } from './pages/Live.jsx';
import { LoginPage, homeOf } from './pages/Login.jsx';
import { RankingPage } from './pages/Ranking.jsx';
import { ReportsPage } from './pages/Reports.jsx';
import { TargetsPage } from './pages/Targets.jsx';
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
  const info = useParkInfo(session, park);

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
  const big = operator && route.path === '/live' && route.params.get('screen') === 'big';
  // every page shows the park's dates and times: none renders before the park's zone is known
  const page = park && !info.loaded ? <p class="muted page">{t('common.loading')}</p> : renderPage(route, session, park, big, info);

  return (
    <div class={big ? 'app big' : 'app'}>
      {!big && (
        <header class="topbar">
          <a class="brand" href={homeOf(session)}>{t('app.title')}</a>
          <nav>
            <a href="#/live" data-testid="nav-live" class={route.path === '/live' ? 'on' : ''}>{t('nav.live')}</a>
            {operator && <a href="#/ranking" data-testid="nav-ranking" class={route.path === '/ranking' ? 'on' : ''}>{t('nav.ranking')}</a>}
            {operator && <a href="#/targets" data-testid="nav-targets" class={route.path === '/targets' ? 'on' : ''}>{t('nav.targets')}</a>}
            {operator && <a href="#/what-if" data-testid="nav-what-if" class={route.path === '/what-if' ? 'on' : ''}>{t('nav.whatIf')}</a>}
            {!operator && <a href="#/home" data-testid="nav-home" class={route.path === '/home' ? 'on' : ''}>{t('nav.home')}</a>}
            {!operator && session.enterprise && <a href="#/carbon" data-testid="nav-carbon" class={route.path === '/carbon' ? 'on' : ''}>{t('nav.carbon')}</a>}
            <a href="#/reports" data-testid="nav-reports" class={route.path === '/reports' ? 'on' : ''}>{t('nav.reports')}</a>
          </nav>
          <div class="spacer" />
          <ParkChooser session={session} park={park} parkName={info.name} onChange={(p) => { choosePark(p); setPark(p); }} />
          {info.loaded && info.time_zone && (
            <span class="muted zone" data-testid="park-zone" data-zone={info.time_zone}>{zoneLabel(info.time_zone, getLang())}</span>
          )}
          {operator && <a href="#/live?screen=big" class="button" data-testid="big-screen-toggle">{t('nav.bigScreen')}</a>}
          <LanguageSwitch />
          <span class="who muted" data-testid="user-name" title={session.name || ''}>{shownUser(session, info)}</span>
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

/**
 * The park's name and time zone, and an enterprise's own registered name (GET …/info); `loaded` once answered or
 * refused (then the default zone stays).
 */
function useParkInfo(session, park) {
  const [info, setInfo] = useState({ loaded: false });
  useEffect(() => {
    if (!session || !park) return undefined;
    const controller = new AbortController();
    setInfo({ loaded: false });
    getJson(parkPath(park, '/info'), { signal: controller.signal }).then((answer) => {
      setParkZone(answer.time_zone);
      setInfo({ ...answer, loaded: true });
    }, (e) => { if (e.name !== 'AbortError') setInfo({ loaded: true }); });
    return () => controller.abort();
  }, [session?.token, park]);
  return info;
}

/** An enterprise's user by its enterprise's registered name (a users file may name it by its id), else the user's name. */
export function shownUser(session, info) {
  const enterprise = info?.enterprise?.name;
  const name = session?.name || '';
  if (!enterprise) return name;
  return !name || name === session.enterprise || name === enterprise ? enterprise : `${enterprise} · ${name}`;
}

function renderPage(route, session, park, big, info) {
  const operator = isOperator(session);
  const [first, second] = route.segments;
  if (!park) return <p class="muted page">{t('park.none')}</p>;
  if (!first) {
    location.hash = homeOf(session);
    return null;
  }
  switch (first) {
    case 'live':
      if (operator) return <LivePage key={`${park}-${big}-${getParkZone()}`} park={park} parkName={info?.name} big={big} />;
      // an enterprise: its own live page, as the API scopes it (no big screen: that is the control room's)
      if (!session.enterprise) return <Forbidden />;
      return <LivePage key={`${park}-${session.enterprise}-${getParkZone()}`} park={park} big={false}
        enterprise={{ id: session.enterprise, name: info?.enterprise?.name || session.enterprise }} />;
    case 'ranking': return operator ? <RankingPage key={park} park={park} /> : <Forbidden />;
    case 'what-if': return operator ? <WhatIfPage key={park} park={park} /> : <Forbidden />;
    case 'targets': return operator ? <TargetsPage key={park} park={park} /> : <Forbidden />;
    case 'carbon': {
      // an enterprise: its own carbon page at #/carbon; operators name the enterprise (#/carbon/{id})
      const id = second || (operator ? null : session.enterprise);
      if (!id) return operator ? <NotFound /> : <Forbidden />;
      if (!operator && id !== session.enterprise) return <Forbidden />;
      return <CarbonPage key={`${park}-${id}`} park={park} id={id} own={!operator} />;
    }
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

function ParkChooser({ session, park, parkName, onChange }) {
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
  return <span class="muted" data-testid="park-name" title={park}>{parkName || park}</span>;
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
