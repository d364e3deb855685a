import './print.css';
import L from 'leaflet';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { CircleMarker, MapContainer, TileLayer, useMap } from 'react-leaflet';
import { filterSummaryParts } from '../../components/filter-summary.ts';
import { useReturnFocus } from '../../components/use-return-focus.ts';
import { isoDate } from '../../domain/files/export-filename.ts';
import { tallyLinkRecords } from '../../domain/link/link-records.ts';
import type { Resource } from '../../domain/model/resource.ts';
import { formatNumber } from '../../i18n/translate.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectCategories, selectServiceTags } from '../../store/data/derived.ts';
import { selectLinkHostById } from '../../store/import/data-link-derived.ts';
import { selectFilteredResources } from '../../store/import/import-derived.ts';

/** Above this many records the map shows only the list's first ones (a printed map cannot show more). */
const MAP_POINTS = 2000;
const LISTED_SOURCES = 8;
const LINK_DOT_RADIUS = 7;
/** A link record's dot: its category's colour inside a dashed black outline (the map marker's mark). */
const LINK_DOT = (fillColor: string) => ({
  color: '#000000',
  weight: 2,
  dashArray: '3 2',
  fillColor,
  fillOpacity: 1,
});

/** The A4 page, loaded when the print view opens (see print-view-gate.tsx). */
export function PrintPage() {
  const { t, label, language } = useOfficeTranslation();
  const resources = useAppStore(selectFilteredResources);
  const categories = useAppStore(selectCategories);
  const serviceTags = useAppStore(selectServiceTags);
  const linkHosts = useAppStore(selectLinkHostById);
  const filters = useAppStore((s) => s.filters);
  const title = useAppStore((s) => s.manifest?.title);
  const setPrintOpen = useAppStore((s) => s.setPrintOpen);
  const [withMap, setWithMap] = useState(true);
  const headingId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  const summary = filterSummaryParts(filters, categories, serviceTags, t, label);
  const sources = useMemo(() => [...new Set(resources.map((r) => r.source).filter(Boolean))], [resources]);
  const hasInternal = resources.some((r) => r.visibility === 'internal');
  // Data from a link never looks official: the head says how many rows came from one, and each such row says so.
  const link = useMemo(() => tallyLinkRecords(resources, linkHosts), [resources, linkHosts]);
  const categoryName = (id: string) => {
    const c = categories.find((x) => x.id === id);
    return c ? label(c.label) : id;
  };

  useReturnFocus(true);
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setPrintOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.documentElement.classList.add('printing-list');
    return () => {
      document.removeEventListener('keydown', onKey);
      document.documentElement.classList.remove('printing-list');
    };
  }, [setPrintOpen]);

  return (
    <div className="print-view" role="dialog" aria-modal="true" aria-labelledby={headingId}>
      <div className="print-view__toolbar">
        <button type="button" className="button-primary" onClick={() => window.print()}>
          {t('print.print')}
        </button>
        <label className="check-row">
          <input type="checkbox" checked={withMap} onChange={(e) => setWithMap(e.target.checked)} />
          <span>{t('print.withMap')}</span>
        </label>
        <button ref={closeRef} type="button" className="button-secondary" onClick={() => setPrintOpen(false)}>
          {t('print.close')}
        </button>
      </div>
      <article className="print-page">
        <header className="print-page__head">
          <h1 id={headingId}>{title ? label(title) : t('app.title')}</h1>
          {hasInternal && <p className="print-internal">{t('print.internal')}</p>}
          {link.count > 0 && (
            <p className="print-link-note">
              {t('print.linkNote', {
                count: formatNumber(language, link.count),
                host: link.hosts.join('、'),
              })}
            </p>
          )}
          <p>
            {summary.length > 0 ? t('print.filters', { filters: summary.join('；') }) : t('print.noFilters')}
          </p>
          <p>
            {link.count > 0
              ? t('print.dateCountLink', {
                  date: isoDate(new Date()),
                  count: formatNumber(language, resources.length),
                  linked: formatNumber(language, link.count),
                })
              : t('print.dateCount', {
                  date: isoDate(new Date()),
                  count: formatNumber(language, resources.length),
                })}
          </p>
          <p className="print-sources">
            {t('print.sources', {
              sources:
                sources.slice(0, LISTED_SOURCES).join('、') +
                (sources.length > LISTED_SOURCES
                  ? t('print.moreSources', { count: sources.length - LISTED_SOURCES })
                  : ''),
            })}
          </p>
        </header>
        {withMap && <PrintMap resources={resources} linkHosts={linkHosts} />}
        <table className="print-table">
          <colgroup>
            <col className="print-col--name" />
            <col className="print-col--category" />
            <col className="print-col--address" />
            <col className="print-col--phone" />
            <col className="print-col--hours" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('print.col.name')}</th>
              <th scope="col">{t('print.col.category')}</th>
              <th scope="col">{t('print.col.address')}</th>
              <th scope="col">{t('print.col.phone')}</th>
              <th scope="col">{t('print.col.hours')}</th>
            </tr>
          </thead>
          <tbody>
            {resources.map((r) => {
              const host = linkHosts.get(r.id);
              return (
                <tr key={r.id}>
                  <td>
                    {r.name}
                    {r.visibility === 'internal' && (
                      <span className="print-internal-mark">（{t('detail.internal')}）</span>
                    )}
                    {host !== undefined && (
                      <span className="print-link-mark">{t('print.linkMark', { host })}</span>
                    )}
                  </td>
                  <td>{categoryName(r.category)}</td>
                  <td>{r.address}</td>
                  <td>{r.phones.join('、')}</td>
                  <td>{r.openingHours ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </article>
    </div>
  );
}

/**
 * The current map area with the listed records as dots (tiles when the basemap loads; dots regardless). A link's
 * record is drawn with a dashed black outline, as the map's marker has one.
 */
function PrintMap({
  resources,
  linkHosts,
}: {
  resources: readonly Resource[];
  linkHosts: ReadonlyMap<string, string>;
}) {
  const { t } = useOfficeTranslation();
  const basemap = useAppStore((s) => s.manifest?.basemaps[0]);
  const view = useAppStore((s) => s.mapView);
  const categories = useAppStore(selectCategories);
  const placed = useMemo(() => resources.filter((r) => r.position).slice(0, MAP_POINTS), [resources]);
  // A link's dots are drawn last, over the map's own, so that none hides under a crowd.
  const drawn = useMemo(
    () =>
      linkHosts.size === 0
        ? placed
        : [...placed.filter((r) => !linkHosts.has(r.id)), ...placed.filter((r) => linkHosts.has(r.id))],
    [placed, linkHosts],
  );
  const colour = (id: string) => categories.find((c) => c.id === id)?.color ?? '#595959';
  return (
    <figure className="print-map">
      <MapContainer
        className="print-map__map"
        center={view ? [view.lat, view.lng] : [23.7, 120.9]}
        zoom={view?.zoom ?? 7}
        zoomControl={false}
        dragging={false}
        scrollWheelZoom={false}
        doubleClickZoom={false}
        keyboard={false}
        attributionControl
      >
        {basemap && (
          <TileLayer url={basemap.url} attribution={basemap.attribution} maxZoom={basemap.maxZoom} />
        )}
        {drawn.map((r) =>
          r.position ? (
            <CircleMarker
              key={r.id}
              center={[r.position[0], r.position[1]]}
              radius={linkHosts.has(r.id) ? LINK_DOT_RADIUS : 5}
              pathOptions={
                linkHosts.has(r.id)
                  ? LINK_DOT(colour(r.category))
                  : { color: '#ffffff', weight: 1.5, fillColor: colour(r.category), fillOpacity: 1 }
              }
            />
          ) : null,
        )}
        <FitListed resources={placed} />
      </MapContainer>
      <figcaption className="muted">
        {placed.some((r) => linkHosts.has(r.id)) ? t('print.mapCaptionLink') : t('print.mapCaption')}
      </figcaption>
    </figure>
  );
}

/** Frames the listed records (the printed map is about the list, not where the screen happened to be). */
function FitListed({ resources }: { resources: readonly Resource[] }) {
  const map = useMap();
  useEffect(() => {
    const points = resources.flatMap((r) => (r.position ? [L.latLng(r.position[0], r.position[1])] : []));
    map.invalidateSize();
    if (points.length > 0)
      map.fitBounds(L.latLngBounds(points), { padding: [16, 16], maxZoom: 15, animate: false });
  }, [map, resources]);
  return null;
}
