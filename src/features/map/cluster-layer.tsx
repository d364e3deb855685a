import L from 'leaflet';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useMap } from 'react-leaflet';
import type { ClusterItem } from '../../domain/geo/cluster-item.ts';
import type { Resource } from '../../domain/model/resource.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { type ClusterClient, sharedClusterClient } from '../../services/cluster/cluster-client.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectDataset, selectFilterResult, selectSelectedResource } from '../../store/data/derived.ts';
import { selectLinkHostById, selectLinkMask } from '../../store/import/data-link-derived.ts';
import { categoryIcon, clusterIcon } from './marker-icons.ts';
import { toLeaflet } from './to-leaflet.ts';

/** Gives a Leaflet marker element an accessible name (Leaflet makes it a focusable button already). */
function nameMarker(marker: L.Marker, name: string) {
  const el = marker.getElement();
  if (el) {
    el.setAttribute('aria-label', name);
    el.setAttribute('title', name);
  }
}

/**
 * Draws only what the viewport needs: supercluster clusters and single markers for the current bounds and zoom.
 * The cluster index lives in a worker (rebuilding it for 100,000 points would freeze the page on every filter
 * change); markers are imperative Leaflet layers (not React components), so redraws stay cheap. A record a
 * `?data=` link brought gets its own look and says 非官方 and the host in its name; a cluster holding any says
 * how many (the worker counts them: only while link data is on show, so the common case does no more work).
 */
export function ClusterLayer() {
  const map = useMap();
  const { t, label } = useTranslation();
  const { resources, positions } = useAppStore(selectDataset);
  const visible = useAppStore((s) => selectFilterResult(s).visible);
  const [client, setClient] = useState<ClusterClient | null>(null);
  const [generation, setGeneration] = useState(0);
  const categories = useAppStore((s) => s.manifest?.categories);
  const selected = useAppStore(selectSelectedResource);
  const select = useAppStore((s) => s.select);
  const linkHosts = useAppStore(selectLinkHostById);
  const linkMask = useAppStore(selectLinkMask);
  const layer = useMemo(() => L.layerGroup(), []);
  const selectedLayer = useMemo(() => L.layerGroup(), []);
  const texts = useRef({ t, label });
  texts.current = { t, label };
  // The markers on the map by what each shows (see draw), and the categories their icons were made with.
  const drawnRef = useRef({
    markers: new Map<string, L.Marker>(),
    categories: undefined as typeof categories,
  });

  // The page's one clustering client, shared with the loading path (which starts indexing before the records
  // land) and kept across StrictMode's mount–unmount–mount in development.
  useEffect(() => setClient(sharedClusterClient()), []);
  // Nothing to cluster while there are no records (the data still loading): the index the loading path has
  // started building for the records on their way is then left alone, not replaced by an empty one.
  const empty = positions.lat.length === 0;
  useEffect(() => {
    if (client && !empty) client.setPositions(positions);
  }, [client, positions, empty]);
  useEffect(() => {
    if (!empty) return;
    layer.clearLayers();
    drawnRef.current.markers.clear();
  }, [empty, layer]);
  useEffect(() => {
    if (!client || empty) return;
    let current = true;
    // In a task of its own: a keystroke's task ends once the list and the count show the new results, and
    // several quick keystrokes send the cluster worker only the last visible set.
    // Which records a link brought goes first, so that the index built for the visible set counts them.
    const send = setTimeout(() => {
      client.setLinked(linkMask);
      void client.setVisible(visible).then(() => {
        if (current) setGeneration((g) => g + 1);
      });
    }, 0);
    return () => {
      current = false;
      clearTimeout(send);
    };
  }, [client, visible, empty, linkMask]);

  useEffect(() => {
    layer.addTo(map);
    selectedLayer.addTo(map);
    return () => {
      layer.remove();
      selectedLayer.remove();
    };
  }, [map, layer, selectedLayer]);

  useEffect(() => {
    // Without link data (the common case) no marker looks a host up.
    const anyLinked = linkHosts.size > 0;
    const markerName = (resource: Resource) => {
      const category = categories?.find((c) => c.id === resource.category);
      const kind = category ? texts.current.label(category.label) : resource.category;
      const approximate =
        resource.precision === 'approximate-town' ? texts.current.t('map.approximateMarker') : '';
      const host = anyLinked ? linkHosts.get(resource.id) : undefined;
      const unofficial = host === undefined ? '' : texts.current.t('dataLink.marker', { host });
      return `${resource.name}（${kind}）${approximate}${unofficial}`;
    };
    if (!client) return;
    const drawn = drawnRef.current;
    let latest = 0;
    const draw = async () => {
      const request = ++latest;
      const bounds = map.getBounds().pad(0.2);
      const items = await client.query(
        {
          west: bounds.getWest(),
          south: bounds.getSouth(),
          east: bounds.getEast(),
          north: bounds.getNorth(),
        },
        map.getZoom(),
      );
      if (request !== latest) return;
      // Marks let the benchmark read redraw times from the real page (performance.getEntriesByName).
      performance.mark('crm:draw-start');
      // A marker that shows the same thing as before stays: after one record changes, only its marker is
      // made again (Leaflet markers are DOM elements; making hundreds of them takes many milliseconds).
      if (drawn.categories !== categories) {
        layer.clearLayers();
        drawn.markers.clear();
        drawn.categories = categories;
      }
      const next = new Map<string, L.Marker>();
      const keep = (key: string, make: () => L.Marker) => {
        const marker = drawn.markers.get(key) ?? make();
        if (!drawn.markers.has(key)) layer.addLayer(marker);
        next.set(key, marker);
      };
      for (const { item, offset } of spreadOverlapping(map, items)) {
        if (item.kind === 'cluster') {
          const linked = item.linked ?? 0;
          const name =
            linked > 0
              ? texts.current.t('dataLink.cluster', { count: item.count, linked })
              : texts.current.t('map.cluster', { count: item.count });
          keep(`cluster ${item.id} ${item.count} ${linked} ${item.position.join(',')} ${name}`, () => {
            const marker = L.marker(toLeaflet(item.position), {
              icon: clusterIcon(item.count, linked),
              keyboard: true,
            });
            marker.on('click', async () => {
              const zoom = Math.min(await client.expansionZoom(item.id), map.getMaxZoom());
              map.setView(toLeaflet(item.position), zoom);
            });
            marker.on('add', () => nameMarker(marker, name));
            return marker;
          });
          continue;
        }
        const resource = resources[item.index];
        if (!resource) continue;
        const category = categories?.find((c) => c.id === resource.category);
        const position = L.latLng(offset ?? toLeaflet(item.position));
        const linked = anyLinked && linkHosts.has(resource.id);
        const name = markerName(resource);
        const key = `resource ${resource.id} ${position.lat},${position.lng} ${resource.category} ${linked} ${name}`;
        keep(key, () => {
          const marker = L.marker(position, { icon: categoryIcon(category, false, linked), keyboard: true });
          marker.on('click', () => select(resource.id, 'map'));
          marker.on('add', () => nameMarker(marker, name));
          return marker;
        });
      }
      for (const [key, marker] of drawn.markers) if (!next.has(key)) layer.removeLayer(marker);
      drawn.markers = next;
      performance.measure('crm:cluster-draw', 'crm:draw-start');
    };
    const redraw = () => void draw();
    if (generation > 0) redraw();
    map.on('moveend', redraw);
    return () => {
      latest = -1;
      map.off('moveend', redraw);
    };
  }, [map, layer, client, generation, resources, categories, select, linkHosts]);

  useEffect(() => {
    selectedLayer.clearLayers();
    if (!selected?.position) return;
    const category = categories?.find((c) => c.id === selected.category);
    const marker = L.marker(toLeaflet(selected.position), {
      icon: categoryIcon(category, true, linkHosts.has(selected.id)),
      keyboard: false,
      zIndexOffset: 1000,
      interactive: false,
    });
    selectedLayer.addLayer(marker);
  }, [selected, categories, selectedLayer, linkHosts]);

  return null;
}

/** Resources at the same spot (e.g. two records at one township centroid) are fanned out so each can be clicked. */
function spreadOverlapping(map: L.Map, items: ClusterItem[]): { item: ClusterItem; offset?: L.LatLng }[] {
  const groups = new Map<string, ClusterItem[]>();
  for (const item of items) {
    if (item.kind !== 'resource') continue;
    const key = `${item.position[0].toFixed(6)},${item.position[1].toFixed(6)}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return items.map((item) => {
    if (item.kind !== 'resource') return { item };
    const group = groups.get(`${item.position[0].toFixed(6)},${item.position[1].toFixed(6)}`) ?? [];
    if (group.length < 2) return { item };
    const angle = (2 * Math.PI * group.indexOf(item)) / group.length;
    const radius = 14 + 3 * group.length;
    const centre = map.latLngToLayerPoint(toLeaflet(item.position));
    return {
      item,
      offset: map.layerPointToLatLng(centre.add([radius * Math.cos(angle), radius * Math.sin(angle)])),
    };
  });
}
