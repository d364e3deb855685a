import './presentation.css';
import { useId } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectFilterResult } from '../../store/data/derived.ts';
import { selectStartYearRange } from '../../store/workshop/workshop-derived.ts';

/**
 * Growth over time: when records carry a start year (設立年度), shows the map and counts as of a year.
 * Records that do not say when they started are left out while a year is chosen, and the slider says how many.
 */
export function YearSlider() {
  const { t } = useTranslation();
  const id = useId();
  const range = useAppStore(selectStartYearRange);
  const year = useAppStore((s) => s.asOfYear);
  const setYear = useAppStore((s) => s.setAsOfYear);
  const withoutYear = useAppStore((s) => {
    const result = selectFilterResult(s);
    return 'withoutYear' in result ? (result.withoutYear as number) : 0;
  });
  if (!range && year === null) return null;
  const min = range?.min ?? year ?? 0;
  const max = Math.max(range?.max ?? 0, year ?? 0);
  const value = year ?? max;
  return (
    <fieldset className="filter-group year-slider">
      <legend>{t('year.legend')}</legend>
      <label className="check-row">
        <input
          type="checkbox"
          checked={year !== null}
          onChange={(e) => setYear(e.target.checked ? max : null)}
        />
        <span>{t('year.enable')}</span>
      </label>
      <label htmlFor={`${id}-range`} className="year-slider__label">
        {/* Not an <output>: its implicit status role would announce every step; aria-valuetext says it. */}
        {t('year.asOf')} <span className="year-slider__value">{t('year.value', { year: value })}</span>
      </label>
      <input
        id={`${id}-range`}
        type="range"
        min={min}
        max={max}
        step={1}
        value={value}
        disabled={year === null}
        aria-valuetext={t('year.value', { year: value })}
        onChange={(e) => setYear(Number(e.target.value))}
      />
      <div className="year-slider__ends" aria-hidden="true">
        <span>{min}</span>
        <span>{max}</span>
      </div>
      {year !== null && withoutYear > 0 && (
        <p className="muted">{t('year.withoutYear', { count: withoutYear })}</p>
      )}
    </fieldset>
  );
}
