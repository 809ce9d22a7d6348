import { useState } from 'preact/hooks';
import { download, parkPath, query } from '../api.js';
import { previousMonth } from '../dates.js';
import { reportError } from '../errors.js';
import { formatNumber } from '../format.js';
import { getLang, t } from '../i18n.js';

/** Monthly report as Excel or CSV; the bearer header goes with the fetch, the blob becomes the file. */
export function ReportExport({ park }) {
  const lang = getLang();
  const [month, setMonth] = useState(previousMonth());
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  async function fetchReport(format) {
    setBusy(true);
    setStatus(t('common.loading'));
    try {
      const file = await download(
        parkPath(park, `/reports/monthly${query({ month, format })}`),
        `parkpulse-${park}-${month}.${format}`,
      );
      setStatus(t('reports.done', { name: file.name, size: formatNumber(file.size / 1024, lang, 1) }));
    } catch (e) {
      setStatus('');
      if (e.status !== 401) reportError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="panel" data-testid="report-export">
      <h2>{t('reports.title')}</h2>
      <div class="toolbar">
        <label>
          {t('reports.month')}
          <input type="month" data-testid="report-month" value={month} onChange={(e) => setMonth(e.currentTarget.value || month)} />
        </label>
        <button type="button" data-testid="report-download-xlsx" disabled={busy} onClick={() => fetchReport('xlsx')}>{t('reports.excel')}</button>
        <button type="button" data-testid="report-download-csv" disabled={busy} onClick={() => fetchReport('csv')}>{t('reports.csv')}</button>
      </div>
      <p class="muted" data-testid="report-status">{status}</p>
    </section>
  );
}

export function ReportsPage({ park }) {
  return (
    <div class="page" data-testid="reports-page">
      <h1>{t('reports.pageTitle')}</h1>
      <p class="muted">{t('reports.explain')}</p>
      <div class="grid"><ReportExport park={park} /></div>
    </div>
  );
}
