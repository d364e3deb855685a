import './presentation.css';
import { useState } from 'react';
import { downloadFile, fileNameOf, todayIso } from '../../components/download-file.ts';
import { markerSymbolSvg } from '../../components/marker-symbol.ts';
import { isSampleRecord } from '../../domain/model/sample-data.ts';
import { formatNumber } from '../../i18n/translate.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectDataset, selectFilterResult } from '../../store/data/derived.ts';
import { selectLinkHostById, selectLinkHosts } from '../../store/import/data-link-derived.ts';

/**
 * Saves the map with title, legend and date as a PNG for slides and reports (works without basemap tiles). With
 * a `?data=` link's records on show, the legend has their line (with how many are shown) and the footer the
 * banner's sentence: a slide must not pass them off as official.
 */
export function SnapshotButton() {
  const { t, label, language } = useTranslation();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');

  const save = async () => {
    const map = document.querySelector<HTMLElement>('.leaflet-container');
    const s = useAppStore.getState();
    if (!map) return;
    setState('busy');
    try {
      const result = selectFilterResult(s);
      const { resources } = selectDataset(s);
      const area = [s.filters.county, s.filters.town].filter(Boolean).join(' ') || t('legend.allAreas');
      const date = todayIso();
      const subtitle = [
        area,
        s.asOfYear !== null ? t('legend.asOfYear', { year: s.asOfYear }) : '',
        s.filters.query ? t('snapshot.search', { query: s.filters.query }) : '',
        t('legend.total', { count: formatNumber(language, result.visible.length) }),
      ]
        .filter(Boolean)
        .join(' · ');
      const hasSample = result.visible.some((i) => {
        const r = resources[i];
        return r ? isSampleRecord(r) : false;
      });
      const linkHosts = selectLinkHosts(s);
      const hostById = selectLinkHostById(s);
      const linkShown =
        hostById.size === 0 ? 0 : result.visible.filter((i) => hostById.has(resources[i]?.id ?? '')).length;
      const linkHost = linkHosts.join('、');
      const blob = await (await import('./snapshot-image.ts')).renderSnapshot(map, {
        title: s.manifest ? label(s.manifest.title) : t('app.title'),
        subtitle,
        legendTitle: t('legend.title'),
        legend: (s.manifest?.categories ?? [])
          .filter((c) => !s.filters.hiddenCategories.includes(c.id))
          .map((c) => ({
            symbolSvg: markerSymbolSvg(c.symbol, c.color, 36),
            label: label(c.label),
            count: formatNumber(language, result.categoryCounts[c.id] ?? 0),
          }))
          .concat(
            linkShown > 0
              ? [
                  {
                    symbolSvg: markerSymbolSvg('circle', '#595959', 36, false, true),
                    // Short, as every legend label is; the footer names the host.
                    label: t('dataLink.bannerLabel'),
                    count: formatNumber(language, linkShown),
                  },
                ]
              : [],
          ),
        footer: [
          t('snapshot.footer', { date }),
          ...(linkHosts.length > 0 ? [t('dataLink.banner', { host: linkHost })] : []),
          ...(hasSample ? [t('app.sampleNotice')] : []),
        ],
      });
      downloadFile(fileNameOf([t('snapshot.fileName'), area, date], 'png'), blob, 'image/png');
      setState('idle');
    } catch {
      setState('failed');
    }
  };

  return (
    <>
      <button type="button" className="button-secondary" disabled={state === 'busy'} onClick={save}>
        {state === 'busy' ? t('snapshot.busy') : t('snapshot.save')}
      </button>
      {state === 'failed' && (
        <span className="header-error" role="alert">
          {t('snapshot.failed')}
        </span>
      )}
    </>
  );
}
