import { getLang, setLang, t } from './i18n.js';

/** Shows the other language's name; a click switches and the choice is kept in localStorage. */
export function LanguageSwitch() {
  const other = getLang() === 'zh' ? 'en' : 'zh';
  return (
    <button type="button" class="lang-switch" data-testid="lang-switch" data-lang={getLang()}
      title={t('lang.switch')} onClick={() => setLang(other)}>
      {other === 'en' ? 'English' : '中文'}
    </button>
  );
}
