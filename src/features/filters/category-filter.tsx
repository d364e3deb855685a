import { CategorySymbol } from '../../components/category-symbol.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectCategories, selectFilterResult } from '../../store/data/derived.ts';

/** A checkbox per configured category, with its symbol and how many resources it would show. */
export function CategoryFilter() {
  const { t, label } = useTranslation();
  const categories = useAppStore(selectCategories);
  const hidden = useAppStore((s) => s.filters.hiddenCategories);
  const counts = useAppStore((s) => selectFilterResult(s).categoryCounts);
  // The categories show as soon as the configuration is read; their counts once the records have landed.
  const counted = useAppStore((s) => s.status === 'ready');
  const toggleCategory = useAppStore((s) => s.toggleCategory);
  return (
    <fieldset className="filter-group">
      <legend>{t('filters.categories')}</legend>
      {categories.map((category) => (
        <label key={category.id} className="check-row">
          <input
            type="checkbox"
            checked={!hidden.includes(category.id)}
            onChange={(e) => toggleCategory(category.id, e.target.checked)}
          />
          <CategorySymbol category={category} />
          <span>
            {counted
              ? t('filters.categoryCount', { label: label(category.label), count: counts[category.id] ?? 0 })
              : label(category.label)}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
