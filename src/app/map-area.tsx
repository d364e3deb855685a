import { OfficeCatalogue } from '../components/office-catalogue.tsx';
import { MoveMarkerLayer } from '../features/edit/move-marker-layer.tsx';
import { PlaceOnMapLayer } from '../features/import/place-on-map-layer.tsx';
import { CoverageLayer } from '../features/inventory/coverage-layer.tsx';
import { ResourceMap } from '../features/map/resource-map.tsx';
import { NearbyLayer } from '../features/nearby/nearby-layer.tsx';
import { PresentationKeys } from '../features/presentation/presentation-keys.tsx';
import { TownshipLabelsLayer } from '../features/presentation/township-labels-layer.tsx';
import { ProposalsMapLayer } from '../features/shared-map/proposals-map-layer-gate.tsx';
import { ClickToAddLayer } from '../features/workshop/click-to-add-layer.tsx';
import { useAppStore } from '../store/app-store.ts';
import { selectMovingResource, selectPlacingResource } from '../store/data/derived.ts';

/** The map with every layer the features add; a separate chunk so Leaflet stays out of the initial JavaScript. */
export function MapArea() {
  // The office's placing and moving speak the tools' catalogue; they are reached from office parts that loaded it.
  const placing = useAppStore((s) => selectPlacingResource(s) !== null);
  const moving = useAppStore((s) => selectMovingResource(s) !== null);
  return (
    <ResourceMap>
      <NearbyLayer />
      <CoverageLayer />
      <ClickToAddLayer />
      <PresentationKeys />
      <TownshipLabelsLayer />
      {placing && (
        <OfficeCatalogue>
          <PlaceOnMapLayer />
        </OfficeCatalogue>
      )}
      {moving && (
        <OfficeCatalogue>
          <MoveMarkerLayer />
        </OfficeCatalogue>
      )}
      <ProposalsMapLayer />
    </ResourceMap>
  );
}
