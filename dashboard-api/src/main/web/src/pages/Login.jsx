import { useState } from 'preact/hooks';
import { login } from '../api.js';
import { t } from '../i18n.js';
import { saveSession, isOperator } from '../session.js';
import { LanguageSwitch } from '../LanguageSwitch.jsx';

/** Where a fresh login lands: operators on the live panel, enterprises on their own page. */
export function homeOf(session) {
  return isOperator(session) ? '#/live' : '#/home';
}

export function LoginPage({ onLoggedIn }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event) {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      const answer = await login(username.trim(), password);
      saveSession(answer);
      onLoggedIn(answer);
      location.hash = homeOf(answer);
    } catch (e) {
      if (e.status === 401) setError(t('login.failed'));
      else if (e.status === 429) setError(t('login.tooMany', { seconds: e.retryAfter ?? '?' }));
      else setError(e.message || t('error.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="login-page">
      <form class="login-card" onSubmit={submit} data-testid="login-form">
        <div class="login-head">
          <h1>{t('app.title')}</h1>
          <LanguageSwitch />
        </div>
        <p class="muted">{t('login.subtitle')}</p>
        <label>
          {t('login.username')}
          <input data-testid="login-username" name="username" autocomplete="username" required
            value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
        </label>
        <label>
          {t('login.password')}
          <input data-testid="login-password" name="password" type="password" autocomplete="current-password" required
            value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        {error && <div class="error-banner" role="alert" data-testid="login-error">{error}</div>}
        <button type="submit" class="primary" data-testid="login-submit" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
