import type { CategoryConfig, Label, ServiceTagConfig } from '../domain/model/categories.ts';
import type { ResourceFilters } from '../domain/query/filter-resources.ts';
import type { MessageKey } from '../i18n/messages-zh.ts';
import type { OfficeMessageKey } from '../i18n/office-messages-zh.ts';

type Translate = (key: MessageKey | OfficeMessageKey, values?: Record<string, string | number>) => string;

/**
 * The filters in words, one part each (area, search, categories shown, services), for an export's file name
 * and a printed list's header; empty when nothing is filtered.
 */
export function filterSummaryParts(
  filters: ResourceFilters,
  categories: readonly CategoryConfig[],
  serviceTags: readonly ServiceTagConfig[],
  t: Translate,
  label: (l: Label) => string,
): string[] {
  const parts: string[] = [];
  const area = [filters.county, filters.town].filter(Boolean).join('');
  if (area) parts.push(area);
  if (filters.query.trim()) parts.push(t('summary.query', { query: filters.query.trim() }));
  const shown = categories.filter((c) => !filters.hiddenCategories.includes(c.id));
  if (filters.hiddenCategories.length > 0 && shown.length < categories.length) {
    parts.push(t('summary.categories', { list: shown.map((c) => label(c.label)).join('、') || '—' }));
  }
  if (filters.services.length > 0) {
    const names = filters.services.map((id) => {
      const tag = serviceTags.find((s) => s.id === id);
      return tag ? label(tag.label) : id;
    });
    parts.push(t('summary.services', { list: names.join('、') }));
  }
  return parts;
}
