import './presentation.css';
import { useId } from 'react';
import { CategorySymbol } from '../../components/category-symbol.tsx';
import { markerSymbolSvg } from '../../components/marker-symbol.ts';
import { formatNumber } from '../../i18n/translate.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectCategories, selectFilterResult } from '../../store/data/derived.ts';
import { selectLinkHosts } from '../../store/import/data-link-derived.ts';

/** The legend's picture of a `?data=` link's marker (the ring and "!" the map draws). */
const LINK_SAMPLE = markerSymbolSvg('circle', '#595959', 40, false, true);

/**
 * The projector's legend: every category with its symbol, its number key and how many are on show, large
 * enough to read from the back of the room; hidden categories are struck through and say so. While a `?data=`
 * link's data is on show, a last line says how its markers look and where they came from.
 */
export function PresentationLegend() {
  const { t, label, language } = useTranslation();
  const id = useId();
  const presenting = useAppStore((s) => s.presenting);
  const categories = useAppStore(selectCategories);
  const counts = useAppStore((s) => selectFilterResult(s).categoryCounts);
  const visible = useAppStore((s) => selectFilterResult(s).visible.length);
  const hidden = useAppStore((s) => s.filters.hiddenCategories);
  const county = useAppStore((s) => s.filters.county);
  const town = useAppStore((s) => s.filters.town);
  const year = useAppStore((s) => s.asOfYear);
  const linkHosts = useAppStore(selectLinkHosts);
  if (!presenting) return null;
  const area = county || town ? [county, town].filter(Boolean).join(' ') : t('legend.allAreas');
  return (
    // It scrolls when the categories do not fit: focusable, so a keyboard can scroll it (scrollable-region-focusable).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keys
    <section className="presentation-legend" aria-labelledby={`${id}-title`} tabIndex={0}>
      <h2 id={`${id}-title`} className="presentation-legend__title">
        {t('legend.title')}
      </h2>
      <p className="presentation-legend__area">
        {area}
        {year !== null && <span className="presentation-legend__year">{t('legend.asOfYear', { year })}</span>}
      </p>
      <p className="presentation-legend__total">
        {t('legend.total', { count: formatNumber(language, visible) })}
      </p>
      <ul className="presentation-legend__list">
        {categories.map((category, i) => {
          const isHidden = hidden.includes(category.id);
          return (
            <li key={category.id} className={isHidden ? 'legend-item legend-item--hidden' : 'legend-item'}>
              {i < 9 && (
                <span className="legend-item__key" aria-hidden="true">
                  {i + 1}
                </span>
              )}
              <CategorySymbol category={category} size={40} />
              <span className="legend-item__label">
                {label(category.label)}
                {isHidden && <span className="legend-item__hidden"> {t('legend.hidden')}</span>}
              </span>
              <span className="legend-item__count">{formatNumber(language, counts[category.id] ?? 0)}</span>
            </li>
          );
        })}
      </ul>
      {linkHosts.length > 0 && (
        <p className="legend-item legend-item--link">
          <span
            className="category-symbol"
            aria-hidden="true"
            // Static SVG of our own shapes and colours; no data text goes in.
            // biome-ignore lint/security/noDangerouslySetInnerHtml: trusted, code-owned SVG markup
            dangerouslySetInnerHTML={{ __html: LINK_SAMPLE }}
          />
          <span className="legend-item__label">
            {t('dataLink.legendMarker', { host: linkHosts.join('、') })}
          </span>
        </p>
      )}
      <p className="presentation-legend__hint">{t('legend.helpHint')}</p>
    </section>
  );
}
