import { useMemo } from 'react';
import type { BriefingNames } from '../../i18n/briefing/briefing-text.ts';
import { translateBriefing } from '../../i18n/briefing/translate-briefing.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectCategories, selectDataset, selectServiceTags } from '../../store/data/derived.ts';
import { selectLinkHostById } from '../../store/import/data-link-derived.ts';

/**
 * Category, service and record names in the UI language, as the briefing's sentences and tables write them. A
 * record a `?data=` link brought is named with its mark: 丁社區發展協會［非官方資料（來自 example.org）］.
 */
export function useBriefingNames(): BriefingNames {
  const { label } = useTranslation();
  const language = useAppStore((s) => s.language);
  const categories = useAppStore(selectCategories);
  const serviceTags = useAppStore(selectServiceTags);
  const { resources } = useAppStore(selectDataset);
  const linkHosts = useAppStore(selectLinkHostById);
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
      resource: (index) => {
        const r = resources[index];
        const host = r ? linkHosts.get(r.id) : undefined;
        if (!r || host === undefined) return r?.name ?? '';
        return translateBriefing(language, 'briefing.linkNamed', {
          name: r.name,
          mark: translateBriefing(language, 'briefing.linkMark', { host }),
        });
      },
    }),
    [categories, serviceTags, resources, linkHosts, label, language],
  );
}
