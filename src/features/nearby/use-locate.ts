import { useCallback, useEffect, useRef } from 'react';
import { toLatLng } from '../../domain/model/coordinates.ts';
import { useAppStore } from '../../store/app-store.ts';
import type { LocateStatus } from '../../store/nearby/nearby-slice.ts';

/** How long to wait for a position, including the time a person takes to answer the permission prompt. */
const WATCHDOG_MS = 20_000;

const ERROR_STATUS: Record<number, LocateStatus> = { 1: 'denied', 2: 'unavailable', 3: 'timeout' };

/**
 * Asks the browser for the device's position, once per press. The position goes into the store's memory only:
 * it is never put in the URL, in storage or in a request. A denial, an error or a slow answer becomes a status
 * the panel explains, with the other ways to choose a place.
 */
export function useLocate(): () => void {
  const setLocateStatus = useAppStore((s) => s.setLocateStatus);
  const setReference = useAppStore((s) => s.setReference);
  const attempt = useRef(0);
  const watchdog = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(watchdog.current), []);

  return useCallback(() => {
    const geolocation = typeof navigator === 'undefined' ? undefined : navigator.geolocation;
    if (!geolocation) {
      setLocateStatus('unsupported');
      return;
    }
    const id = ++attempt.current;
    const current = () => id === attempt.current;
    setLocateStatus('locating');
    clearTimeout(watchdog.current);
    // Some browsers never call back while the permission prompt is left open: stop waiting and say so.
    watchdog.current = setTimeout(() => {
      if (current() && useAppStore.getState().locateStatus === 'locating') setLocateStatus('timeout');
    }, WATCHDOG_MS);
    geolocation.getCurrentPosition(
      (position) => {
        const status = useAppStore.getState().locateStatus;
        // A place chosen meanwhile (status back to idle) wins over a late answer; a late answer after the
        // watchdog gave up is still what the person asked for.
        if (!current() || (status !== 'locating' && status !== 'timeout')) return;
        clearTimeout(watchdog.current);
        const { latitude, longitude } = position.coords;
        if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90) {
          setLocateStatus('unavailable');
          return;
        }
        setReference({ source: 'device', point: toLatLng(latitude, longitude) });
        setLocateStatus('found');
      },
      (error) => {
        if (!current()) return;
        clearTimeout(watchdog.current);
        setLocateStatus(ERROR_STATUS[error.code] ?? 'unavailable');
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 },
    );
  }, [setLocateStatus, setReference]);
}
