import { useId } from 'react';
import { formatNumber } from '../../i18n/translate.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectCategories } from '../../store/data/derived.ts';
import { selectInventory, selectSortedInventoryRows } from '../../store/workshop/workshop-derived.ts';

/** More bars than this would not fit a slide; the table holds them all. */
const MAX_BARS = 40;

/**
 * The inventory as bars, one per township in the table's order, stacked by category in the category colours
 * (the legend names them; the numbers are written at the end of each bar, so colour is never the only cue).
 */
export function InventoryChart() {
  const { t, label, language } = useOfficeTranslation();
  const id = useId();
  const inventory = useAppStore(selectInventory);
  const rows = useAppStore(selectSortedInventoryRows);
  const categories = useAppStore(selectCategories);
  const shown = rows.slice(0, MAX_BARS);
  const max = Math.max(1, ...shown.map((r) => r.total));
  const colour = (categoryId: string) => categories.find((c) => c.id === categoryId)?.color ?? '#595959';
  return (
    <figure className="inventory-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        {t('inventory.chartCaption')}
        {rows.length > MAX_BARS && ` ${t('inventory.chartFirst', { count: MAX_BARS })}`}
      </figcaption>
      <ul className="inventory-chart__legend" aria-hidden="true">
        {inventory.categories.map((categoryId) => {
          const category = categories.find((c) => c.id === categoryId);
          return (
            <li key={categoryId}>
              <span className="inventory-chart__swatch" style={{ background: colour(categoryId) }} />
              {category ? label(category.label) : categoryId}
            </li>
          );
        })}
      </ul>
      <ol className="inventory-chart__bars">
        {shown.map((row) => (
          <li key={`${row.county}|${row.town}`} className="inventory-chart__row">
            <span className="inventory-chart__name">{row.town || t('inventory.unknownTown')}</span>
            <span className="inventory-chart__track" aria-hidden="true">
              {inventory.categories.map((categoryId) => {
                const n = row.counts[categoryId] ?? 0;
                return n === 0 ? null : (
                  <span
                    key={categoryId}
                    className="inventory-chart__segment"
                    style={{ width: `${(100 * n) / max}%`, background: colour(categoryId) }}
                  />
                );
              })}
            </span>
            <span className="inventory-chart__value">{formatNumber(language, row.total)}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
