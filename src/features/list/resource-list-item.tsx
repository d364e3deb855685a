import { CategorySymbol } from '../../components/category-symbol.tsx';
import { ContactButtons } from '../../components/contact-buttons.tsx';
import { LinkDataBadge } from '../../components/link-data-badge.tsx';
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

/**
 * One result: a button that selects the resource, then 打電話 and 路線 beside it (links cannot sit inside a
 * button). Data text is rendered as text, never as HTML.
 */
export function ResourceListItem({ resource, category, selected, onSelect }: Props) {
  const { t, label, place: placeName, language } = useTranslation();
  const place =
    language === 'zh-TW'
      ? [resource.county, resource.town].filter(Boolean).join(' ')
      : placeName(resource.county, resource.town);
  return (
    <div className="result-card" data-current={selected ? 'true' : undefined}>
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
            <LinkDataBadge resourceId={resource.id} />
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
      <ContactButtons resource={resource} />
    </div>
  );
}
