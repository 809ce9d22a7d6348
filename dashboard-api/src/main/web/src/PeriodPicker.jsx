import { t } from './i18n.js';
import { choosePeriod } from './period.js';

/** A month picker (the API's YYYY-MM period); the choice is kept for the other pages. */
export function PeriodPicker({ value, onChange }) {
  return (
    <label class="period">
      {t('common.period')}
      <input type="month" data-testid="period-input" value={value} onChange={(e) => {
        const month = e.currentTarget.value;
        if (!month) return;
        choosePeriod(month);
        onChange(month);
      }} />
    </label>
  );
}
