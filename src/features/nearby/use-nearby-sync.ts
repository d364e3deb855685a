import { useEffect } from 'react';
import { placeKey } from '../../domain/geo/gazetteer.ts';
import { whenIdle } from '../../services/when-idle.ts';
import { useAppStore } from '../../store/app-store.ts';
import { loadTownships } from '../../store/data/load-townships.ts';
import { loadHoursEngine } from '../../store/nearby/load-hours-engine.ts';
import { applyNearbyUrl, writeNearbyUrl } from './nearby-link-sync.ts';

const TICK_MS = 30_000;

/**
 * Keeps the near-me state in the URL, resolves a township a link asked for, keeps the "open now" clock
 * running, and loads the opening-hours engine once the data is in.
 */
export function useNearbySync(): void {
  const dataReady = useAppStore((s) => s.status === 'ready');
  const pendingTown = useAppStore((s) => s.pendingTown);
  const townshipsStatus = useAppStore((s) => s.townshipsStatus);

  useEffect(() => {
    writeNearbyUrl();
    const unsubscribe = useAppStore.subscribe(writeNearbyUrl);
    const onPop = () => applyNearbyUrl(window.location.search);
    window.addEventListener('popstate', onPop);
    return () => {
      unsubscribe();
      window.removeEventListener('popstate', onPop);
    };
  }, []);

  useEffect(() => {
    const tick = () => useAppStore.getState().tick(Date.now());
    tick();
    const timer = setInterval(tick, TICK_MS);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    // The opening-hours engine is a download and a module of its own: fetched once the data has been drawn.
    if (dataReady) whenIdle(() => void loadHoursEngine());
  }, [dataReady]);

  useEffect(() => {
    if (!pendingTown || !dataReady) return;
    if (townshipsStatus === 'idle') {
      void loadTownships();
      return;
    }
    if (townshipsStatus === 'failed') {
      useAppStore.getState().setPendingTown(null);
      return;
    }
    if (townshipsStatus !== 'ready') return;
    const { townships, setReference, setPendingTown } = useAppStore.getState();
    const township = townships.find(
      (t) => t.county === placeKey(pendingTown.county) && t.town === placeKey(pendingTown.town),
    );
    if (township) {
      setReference({
        source: 'town',
        point: township.centroid,
        county: township.county,
        town: township.town,
      });
    } else setPendingTown(null);
  }, [pendingTown, dataReady, townshipsStatus]);
}
