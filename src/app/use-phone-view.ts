import { useEffect, useState } from 'react';
import { useAppStore } from '../store/app-store.ts';

/** The three screens a phone shows one at a time; on wider screens all are shown and this is ignored. */
export type PhoneView = 'find' | 'list' | 'map';

/**
 * Which screen a phone shows: the list first (it starts with "use my location"); choosing a place shows the
 * nearest results; picking a point needs the map; a marker tapped on the map opens its detail in the list.
 */
export function usePhoneView(): [PhoneView, (view: PhoneView) => void] {
  const [view, setView] = useState<PhoneView>('list');
  const reference = useAppStore((s) => s.reference);
  const picking = useAppStore((s) => s.pickingPoint);
  const selectedId = useAppStore((s) => s.selectedId);
  const selectionOrigin = useAppStore((s) => s.selectionOrigin);

  useEffect(() => {
    if (reference) setView('list');
  }, [reference]);
  useEffect(() => {
    if (picking) setView('map');
  }, [picking]);
  useEffect(() => {
    if (selectedId && selectionOrigin === 'map') setView('list');
  }, [selectedId, selectionOrigin]);

  return [view, setView];
}
