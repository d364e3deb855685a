import { useEffect, useState } from 'react';
import { useAppStore } from '../store/app-store.ts';
import { selectActiveNeedId, selectResidentConfig } from '../store/nearby/nearby-selectors.ts';

/** The three screens a phone shows one at a time; on wider screens all are shown and this is ignored. */
export type PhoneView = 'find' | 'list' | 'map';

/**
 * Which screen a phone shows: the list first (it starts with "use my location"); choosing a place shows the
 * nearest results; picking a point needs the map; a marker tapped on the map opens its detail in the list; a need
 * pressed (我需要餐食) shows the places that answer it, one tap from calling — except an urgent need, whose
 * hotlines are on the find screen.
 */
export function usePhoneView(): [PhoneView, (view: PhoneView) => void] {
  const [view, setView] = useState<PhoneView>('list');
  const reference = useAppStore((s) => s.reference);
  const picking = useAppStore((s) => s.pickingPoint);
  const selectedId = useAppStore((s) => s.selectedId);
  const selectionOrigin = useAppStore((s) => s.selectionOrigin);
  const need = useAppStore(selectActiveNeedId);
  const urgent = useAppStore((s) =>
    selectResidentConfig(s).needs.some((n) => n.id === need && n.showHotlines),
  );

  useEffect(() => {
    if (reference) setView('list');
  }, [reference]);
  useEffect(() => {
    if (picking) setView('map');
  }, [picking]);
  useEffect(() => {
    if (selectedId && selectionOrigin === 'map') setView('list');
  }, [selectedId, selectionOrigin]);

  useEffect(() => {
    if (need && !urgent) setView('list');
  }, [need, urgent]);

  return [view, setView];
}
