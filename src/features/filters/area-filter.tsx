import { useId } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectDataset } from '../../store/data/derived.ts';

/** County, then township: the towns list follows the chosen county. */
export function AreaFilter() {
  const { t, placeOption } = useTranslation();
  const options = useAppStore((s) => selectDataset(s).areaOptions);
  const county = useAppStore((s) => s.filters.county);
  const town = useAppStore((s) => s.filters.town);
  const setArea = useAppStore((s) => s.setArea);
  const towns = options.find((o) => o.county === county)?.towns ?? [];
  const countyId = useId();
  const townId = useId();
  return (
    <fieldset className="filter-group">
      <legend>{t('filters.area')}</legend>
      <div className="select-row">
        <label htmlFor={countyId}>{t('filters.county')}</label>
        <select id={countyId} value={county} onChange={(e) => setArea(e.target.value, '')}>
          <option value="">{t('filters.allCounties')}</option>
          {options.map((o) => (
            <option key={o.county} value={o.county}>
              {placeOption(o.county)}
            </option>
          ))}
        </select>
      </div>
      <div className="select-row">
        <label htmlFor={townId}>{t('filters.town')}</label>
        <select
          id={townId}
          value={town}
          disabled={county === ''}
          onChange={(e) => setArea(county, e.target.value)}
        >
          <option value="">{t('filters.allTowns')}</option>
          {towns.map((name) => (
            <option key={name} value={name}>
              {placeOption(county, name)}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
