import L from 'leaflet';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useMap } from 'react-leaflet';
import { markerSymbolSvg } from '../../components/marker-symbol.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectLinkHosts } from '../../store/import/data-link-derived.ts';

/** The legend's picture of a link's marker: a grey circle with the ring and the "!" the map draws. */
const SAMPLE_MARKER = markerSymbolSvg('circle', '#595959', 30, false, true);

/**
 * Map child: while a `?data=` link's data is on show, a legend on the map says what its markers look like — the
 * dashed ring and "!" of a record from the link (naming the host), and the dashed bubble of a cluster holding
 * any. Not in presentation mode, whose own legend (beside the map) says it. Nothing at all without link data.
 */
export function LinkLegend() {
  const { t } = useTranslation();
  const map = useMap();
  const hosts = useAppStore(selectLinkHosts);
  const presenting = useAppStore((s) => s.presenting);
  const shown = hosts.length > 0 && !presenting;
  const [box, setBox] = useState<HTMLElement | null>(null);

  useEffect(() => {
    if (!shown) return;
    const control = new L.Control({ position: 'bottomleft' });
    control.onAdd = () => {
      const div = L.DomUtil.create('div', 'link-legend');
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    control.addTo(map);
    setBox(control.getContainer() ?? null);
    return () => {
      control.remove();
      setBox(null);
    };
  }, [map, shown]);

  if (!box || !shown) return null;
  return createPortal(
    <section className="link-legend__box" aria-label={t('dataLink.legendLabel')}>
      <ul>
        <li>
          <span
            className="link-legend__marker"
            aria-hidden="true"
            // Static SVG of our own shapes and colours; no data text goes in.
            // biome-ignore lint/security/noDangerouslySetInnerHtml: trusted, code-owned SVG markup
            dangerouslySetInnerHTML={{ __html: SAMPLE_MARKER }}
          />
          <span>{t('dataLink.legendMarker', { host: hosts.join('、') })}</span>
        </li>
        <li>
          <span className="cluster-marker cluster-marker--link link-legend__cluster" aria-hidden="true">
            <span>12</span>
            <span className="cluster-marker__link-mark">!</span>
          </span>
          <span>{t('dataLink.legendCluster')}</span>
        </li>
      </ul>
    </section>,
    box,
  );
}
