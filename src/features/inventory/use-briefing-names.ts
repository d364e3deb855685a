import { useMemo } from 'react';
import type { BriefingNames } from '../../i18n/briefing/briefing-text.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectCategories, selectDataset, selectServiceTags } from '../../store/data/derived.ts';

/**
 * Category, service and record names in the UI language, as the briefing's sentences and tables write them (a
 * record a `?data=` link brought is never among them: the briefing leaves such records out).
 */
export function useBriefingNames(): BriefingNames {
  const { label } = useTranslation();
  const categories = useAppStore(selectCategories);
  const serviceTags = useAppStore(selectServiceTags);
  const { resources } = useAppStore(selectDataset);
  return useMemo(
    () => ({
      category: (id) => {
        const c = categories.find((x) => x.id === id);
        return c ? label(c.label) : id;
      },
      service: (id) => {
        const t = serviceTags.find((x) => x.id === id);
        return t ? label(t.label) : id;
      },
      resource: (index) => resources[index]?.name ?? '',
    }),
    [categories, serviceTags, resources, label],
  );
}
