import { CategorySymbol } from '../../components/category-symbol.tsx';
import { ResultFacts } from '../../components/result-facts.tsx';
import type { CategoryConfig } from '../../domain/model/categories.ts';
import type { Resource } from '../../domain/model/resource.ts';
import { isSampleRecord } from '../../domain/model/sample-data.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

interface Props {
  resource: Resource;
  category: CategoryConfig | undefined;
  selected: boolean;
  onSelect(id: string): void;
}

/** One result: a button that selects the resource. Data text is rendered as text, never as HTML. */
export function ResourceListItem({ resource, category, selected, onSelect }: Props) {
  const { t, label } = useTranslation();
  const place = [resource.county, resource.town].filter(Boolean).join(' ');
  return (
    <button
      type="button"
      className="result-item"
      aria-current={selected ? 'true' : undefined}
      onClick={() => onSelect(resource.id)}
    >
      <CategorySymbol category={category} size={22} />
      <span className="result-item__text">
        <span className="result-item__name">{resource.name}</span>
        <span className="result-item__meta">
          {category ? label(category.label) : resource.category}
          {place && ` · ${place}`}
          {isSampleRecord(resource) && <span className="badge badge-sample">{t('detail.sample')}</span>}
          {resource.visibility === 'internal' && (
            <span className="badge badge-internal">{t('detail.internal')}</span>
          )}
        </span>
        {resource.precision === 'approximate-town' && (
          <span className="result-item__note">{t('results.approximate')}</span>
        )}
        {resource.precision === 'missing' && (
          <span className="result-item__note">{t('results.notOnMap')}</span>
        )}
        <ResultFacts resource={resource} />
      </span>
    </button>
  );
}
