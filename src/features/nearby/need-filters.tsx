import { useState } from 'react';
import { HotlineLinks, hotlinesByNumber } from '../../components/hotline-links.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectActiveNeedId, selectResidentConfig } from '../../store/nearby/nearby-selectors.ts';
import { Hotlines } from './hotlines.tsx';

/**
 * Needs in a resident's words (我需要餐食, 孩子安全等候…), each standing for service tags from the manifest.
 * Pressing one selects its tags (the same filter as the services list, so it is in the URL); pressing it again
 * clears them. An urgent need also shows the hotlines; a need with hotlines of its own (長輩照顧: 1966) shows those.
 */
export function NeedFilters() {
  const { t, label } = useTranslation();
  const needs = useAppStore((s) => selectResidentConfig(s).needs);
  const allHotlines = useAppStore((s) => selectResidentConfig(s).hotlines);
  const active = useAppStore(selectActiveNeedId);
  const setFilters = useAppStore((s) => s.setFilters);
  const [hotlinesOpen, setHotlinesOpen] = useState(false);
  const activeNeed = needs.find((n) => n.id === active);

  const press = (id: string) => {
    const need = needs.find((n) => n.id === id);
    if (!need) return;
    const on = active !== id;
    const filters = useAppStore.getState().filters;
    setFilters({ ...filters, services: on ? [...need.services] : [] });
    if (need.showHotlines) setHotlinesOpen(on);
  };

  return (
    <div className="need-filters">
      <fieldset className="filter-group">
        <legend>{t('nearby.needs')}</legend>
        <div className="need-buttons">
          {needs.map((need) => (
            <button
              key={need.id}
              type="button"
              className={need.showHotlines ? 'need-button need-button--urgent' : 'need-button'}
              aria-pressed={active === need.id}
              onClick={() => press(need.id)}
            >
              {label(need.label)}
            </button>
          ))}
        </div>
      </fieldset>
      {(hotlinesOpen || activeNeed?.showHotlines) && <Hotlines />}
      {activeNeed && !activeNeed.showHotlines && activeNeed.hotlines.length > 0 && (
        <section className="hotlines" aria-labelledby="need-hotlines-heading">
          <h3 id="need-hotlines-heading">{t('hotlines.forThis')}</h3>
          <HotlineLinks hotlines={hotlinesByNumber(allHotlines, activeNeed.hotlines)} />
        </section>
      )}
    </div>
  );
}
