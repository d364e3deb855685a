import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectServiceTags } from '../../store/data/derived.ts';

/** Service tags: a resource shows when it offers any of the ticked ones. */
export function ServiceFilter() {
  const { t, label } = useTranslation();
  const tags = useAppStore(selectServiceTags);
  const selected = useAppStore((s) => s.filters.services);
  const toggleService = useAppStore((s) => s.toggleService);
  return (
    <fieldset className="filter-group">
      <legend>{t('filters.services')}</legend>
      <div className="chip-row">
        {tags.map((tag) => (
          <label key={tag.id} className="chip">
            <input
              type="checkbox"
              checked={selected.includes(tag.id)}
              onChange={(e) => toggleService(tag.id, e.target.checked)}
            />
            <span>{label(tag.label)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
