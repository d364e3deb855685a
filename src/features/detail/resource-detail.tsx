import './detail.css';
import { type ReactNode, useEffect, useRef } from 'react';
import { CategorySymbol } from '../../components/category-symbol.tsx';
import { ContactButtons } from '../../components/contact-buttons.tsx';
import { DistanceFact } from '../../components/distance-fact.tsx';
import { HotlineLinks, hotlinesByNumber } from '../../components/hotline-links.tsx';
import { HoursText } from '../../components/hours-text.tsx';
import { LinkDataBadge } from '../../components/link-data-badge.tsx';
import { OpenStateBadge } from '../../components/open-state-badge.tsx';
import { ResourceActions } from '../../components/resource-actions.tsx';
import { StaleNote } from '../../components/stale-note.tsx';
import { toTelUri } from '../../domain/model/phone.ts';
import type { Resource } from '../../domain/model/resource.ts';
import { safeHttpUrl } from '../../domain/model/safe-url.ts';
import { isSampleRecord } from '../../domain/model/sample-data.ts';
import { formatDate } from '../../i18n/format-date.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectSelectedResource } from '../../store/data/derived.ts';
import { selectResidentConfig } from '../../store/nearby/nearby-selectors.ts';

/**
 * Everything about the selected resource. All data is rendered as text; links are tel:, mailto: or http(s) only.
 * 打電話 and 路線 come right under the name (above the fold on a 360 × 640 phone); a welfare record lists the
 * hotlines a resident may need. Escape or 關閉 closes it and puts focus back where it was before it opened.
 * `actions` lets the app add controls from other features (e.g. workshop edit / move / delete) under them.
 */
export function ResourceDetail({ actions }: { actions?: (resource: Resource) => ReactNode } = {}) {
  const { t, label, language } = useTranslation();
  const resource = useAppStore(selectSelectedResource);
  const selectionOrigin = useAppStore((s) => s.selectionOrigin);
  const manifest = useAppStore((s) => s.manifest);
  const select = useAppStore((s) => s.select);
  const hotlines = useAppStore((s) => selectResidentConfig(s).hotlines);
  const categoryHotlines = useAppStore((s) => selectResidentConfig(s).categoryHotlines);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // What had focus before the detail took it (a result, a marker): focus goes back there when it closes.
  const opener = useRef<HTMLElement | null>(null);
  const resourceId = resource?.id ?? null;

  useEffect(() => {
    if (resourceId === null || selectionOrigin === 'url') return;
    const active = document.activeElement;
    if (active instanceof HTMLElement && !headingRef.current?.closest('section')?.contains(active)) {
      opener.current = active;
    }
    headingRef.current?.focus({ preventScroll: false });
  }, [resourceId, selectionOrigin]);

  const close = () => {
    const back = opener.current;
    opener.current = null;
    select(null, 'list');
    // After React has removed the detail: the opener if it is still on the page, else the results.
    setTimeout(() => (back?.isConnected ? back : document.getElementById('results'))?.focus(), 0);
  };

  if (!resource) return null;
  const category = manifest?.categories.find((c) => c.id === resource.category);
  const tagLabel = (id: string) => {
    const tag = manifest?.serviceTags.find((s) => s.id === id);
    return tag ? label(tag.label) : id;
  };
  // Checked again at render: records restored from the browser's storage did not pass through the importer.
  const website = resource.website ? safeHttpUrl(resource.website) : null;
  const notProvided = <span className="muted">{t('detail.notProvided')}</span>;
  const lines = hotlinesByNumber(hotlines, categoryHotlines[resource.category] ?? []);

  return (
    <section
      className="resource-detail"
      aria-labelledby="detail-heading"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          close();
        }
      }}
    >
      <div className="resource-detail__head">
        <h2 id="detail-heading" ref={headingRef} tabIndex={-1}>
          {resource.name}
        </h2>
        <button type="button" className="button-ghost" onClick={close}>
          {t('detail.close')}
        </button>
      </div>
      {/* Before the call button: whoever calls should know first that the number is not the map's own. */}
      <LinkDataBadge resourceId={resource.id} detail />
      <ContactButtons resource={resource} />
      {actions?.(resource)}
      {isSampleRecord(resource) && <p className="badge badge-sample">{t('detail.sample')}</p>}
      {resource.visibility === 'internal' && <p className="badge badge-internal">{t('detail.internal')}</p>}
      {resource.precision === 'approximate-town' && (
        <p className="note-approximate">{t('detail.approximate')}</p>
      )}
      {resource.precision === 'missing' && <p className="note-approximate">{t('detail.missingLocation')}</p>}
      <dl className="detail-fields">
        <DistanceFact resource={resource} />
        <dt>{t('detail.category')}</dt>
        <dd>
          <CategorySymbol category={category} /> {category ? label(category.label) : resource.category}
        </dd>
        <dt>{t('detail.services')}</dt>
        <dd>{resource.services.length > 0 ? resource.services.map(tagLabel).join('、') : notProvided}</dd>
        <dt>{t('detail.address')}</dt>
        <dd>{resource.address || notProvided}</dd>
        <dt>{t('detail.phone')}</dt>
        <dd>
          {resource.phones.length > 0
            ? resource.phones.map((phone, i) => {
                const tel = toTelUri(phone);
                return (
                  // The same number may be listed twice; position keeps keys unique in a static list.
                  // biome-ignore lint/suspicious/noArrayIndexKey: static list, see above
                  <span key={`${i}-${phone}`} className="phone">
                    {tel ? <a href={tel}>{phone}</a> : phone}
                  </span>
                );
              })
            : notProvided}
        </dd>
        <dt>{t('detail.hours')}</dt>
        <dd>
          {resource.openingHours ? (
            <>
              <OpenStateBadge hours={resource.openingHours} /> <HoursText hours={resource.openingHours} />
            </>
          ) : (
            notProvided
          )}
        </dd>
        {website && (
          <>
            <dt>{t('detail.website')}</dt>
            <dd>
              <a href={website} target="_blank" rel="noopener noreferrer">
                {website}
              </a>
            </dd>
          </>
        )}
        {resource.description && (
          <>
            <dt>{t('detail.description')}</dt>
            <dd>{resource.description}</dd>
          </>
        )}
        <dt>{t('detail.lastVerified')}</dt>
        <dd>
          {resource.lastVerified ? formatDate(language, resource.lastVerified) : notProvided}
          <StaleNote lastVerified={resource.lastVerified} />
        </dd>
        <dt>{t('detail.source')}</dt>
        <dd>{resource.source || notProvided}</dd>
      </dl>
      {lines.length > 0 && (
        <div className="hotlines">
          <h3>{t('hotlines.forThis')}</h3>
          <HotlineLinks hotlines={lines} />
        </div>
      )}
      <ResourceActions resource={resource} />
    </section>
  );
}
