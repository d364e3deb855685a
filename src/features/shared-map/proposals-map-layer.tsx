import './shared-map.css';
import L from 'leaflet';
import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useMap } from 'react-leaflet';
import { type Proposal, type TableMark, tableMarks } from '../../domain/shared-map/proposals.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { tableColour } from './table-colour.ts';

const PANE = 'workshop-proposals';
/** The width of a table's tag on the map; tags of proposals at one place sit side by side. */
const TAG_WIDTH = 24;

/** One workshop's tables and pending proposals, as the map shows them. */
interface WorkshopOnMap {
  readonly document: string;
  readonly label: string;
  readonly marks: readonly TableMark[];
  readonly pending: readonly Proposal[];
}

/**
 * Map child: each pending proposal of a workshop gets a tag in its table's colour with the table's letter, beside
 * its marker (the proposal itself is drawn and listed as a record, by the proposals layer), and a legend on the
 * map lists each table — letter, colour, name and live count — as the facilitator's panel does. The tags are a
 * picture of what the legend says in words: they take no clicks and are hidden from assistive technology.
 */
export function ProposalsMapLayer() {
  const { t } = useOfficeTranslation();
  const map = useMap();
  const byDocument = useAppStore((s) => s.sharedProposals);
  const labels = useAppStore((s) => s.sharedDocs);
  const layer = useMemo(() => L.layerGroup(), []);
  const [legend, setLegend] = useState<HTMLElement | null>(null);

  const workshops: WorkshopOnMap[] = useMemo(
    () =>
      Object.entries(byDocument)
        .filter(([, proposals]) => proposals.length > 0)
        .map(([document, proposals]) => ({
          document,
          label: labels[document]?.label ?? document,
          marks: tableMarks(proposals),
          pending: proposals.filter((p) => p.status === 'pending'),
        })),
    [byDocument, labels],
  );

  useEffect(() => {
    if (!map.getPane(PANE)) {
      const pane = map.createPane(PANE);
      pane.style.zIndex = '640';
      pane.style.pointerEvents = 'none';
    }
    layer.addTo(map);
    const control = new L.Control({ position: 'bottomleft' });
    control.onAdd = () => {
      const box = L.DomUtil.create('div', 'proposals-legend');
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    control.addTo(map);
    setLegend(control.getContainer() ?? null);
    return () => {
      layer.remove();
      control.remove();
      setLegend(null);
    };
  }, [map, layer]);

  useEffect(() => {
    layer.clearLayers();
    for (const workshop of workshops) {
      const markOf = new Map(workshop.marks.map((m) => [m.table, m]));
      // Proposals at one place (a township's centre, for an address alone) get their tags side by side.
      const atPlace = new Map<string, number>();
      for (const proposal of workshop.pending) {
        const position = proposal.resource?.position;
        const mark = markOf.get(proposal.table);
        if (!position || !mark) continue;
        const place = `${position[0]},${position[1]}`;
        const nth = atPlace.get(place) ?? 0;
        atPlace.set(place, nth + 1);
        const tag = L.divIcon({
          className: 'proposal-tag',
          html: `<span style="background:${tableColour(mark.slot)}">${mark.letter}</span>`,
          iconSize: [TAG_WIDTH, 20],
          // Above and to the right of the record's own marker, the next one further right.
          iconAnchor: [-10 - nth * (TAG_WIDTH + 2), 38],
        });
        layer.addLayer(
          L.marker([position[0], position[1]], {
            icon: tag,
            pane: PANE,
            interactive: false,
            keyboard: false,
          }),
        );
      }
    }
  }, [layer, workshops]);

  if (!legend || workshops.length === 0) return null;
  return createPortal(
    <section className="proposals-legend__box" aria-label={t('shared.legend.heading')}>
      {workshops.map((w) => (
        <div key={w.document}>
          <h2>{t('shared.legend.workshop', { label: w.label })}</h2>
          <ul aria-label={t('shared.legend.tables', { label: w.label })}>
            {w.marks.map((m) => (
              <li key={m.table}>
                <span className="proposals-legend__swatch" style={{ background: tableColour(m.slot) }}>
                  {m.letter}
                </span>
                <span>{t('shared.workshop.count', { table: m.table, count: m.count })}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>,
    legend,
  );
}
