import { type FormEvent, useId, useMemo, useState } from 'react';
import type { Township } from '../../domain/geo/gazetteer.ts';
import { findTownships } from '../../domain/geo/township-search.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';

/** Choose a township from two lists, or by typing its name; its centroid becomes the reference point. */
export function PlacePicker({ onChosen }: { onChosen?: () => void }) {
  const { t, placeOption } = useTranslation();
  const townships = useAppStore((s) => s.townships);
  const status = useAppStore((s) => s.townshipsStatus);
  const setReference = useAppStore((s) => s.setReference);
  const [county, setCounty] = useState('');
  const [town, setTown] = useState('');
  const [typed, setTyped] = useState('');
  const [matches, setMatches] = useState<Township[] | null>(null);
  const [searched, setSearched] = useState('');
  const ids = { county: useId(), town: useId(), typed: useId(), list: useId() };

  const counties = useMemo(() => [...new Set(townships.map((tw) => tw.county))], [townships]);
  const towns = useMemo(() => townships.filter((tw) => tw.county === county), [townships, county]);

  const choose = (township: Township) => {
    setReference({ source: 'town', point: township.centroid, county: township.county, town: township.town });
    setMatches(null);
    onChosen?.();
  };
  const chooseFromLists = () => {
    const township = towns.find((tw) => tw.town === town);
    if (township) choose(township);
  };
  const find = (event: FormEvent) => {
    event.preventDefault();
    const found = findTownships(townships, typed);
    setSearched(typed);
    const [only] = found;
    if (found.length === 1 && only) choose(only);
    else setMatches(found);
  };

  if (status === 'failed') return <p className="nearby-message">{t('nearby.townsFailed')}</p>;
  if (status !== 'ready') return <p className="nearby-message">{t('nearby.townsLoading')}</p>;

  return (
    <div className="place-picker">
      <div className="place-picker__lists">
        <div className="select-row">
          <label htmlFor={ids.county}>{t('nearby.county')}</label>
          <select
            id={ids.county}
            value={county}
            onChange={(e) => {
              setCounty(e.target.value);
              setTown('');
            }}
          >
            <option value="">{t('nearby.chooseCounty')}</option>
            {counties.map((c) => (
              <option key={c} value={c}>
                {placeOption(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="select-row">
          <label htmlFor={ids.town}>{t('nearby.town')}</label>
          <select
            id={ids.town}
            value={town}
            disabled={county === ''}
            onChange={(e) => setTown(e.target.value)}
          >
            <option value="">{t('nearby.chooseTown')}</option>
            {towns.map((tw) => (
              <option key={tw.town} value={tw.town}>
                {placeOption(county, tw.town)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button-secondary" disabled={town === ''} onClick={chooseFromLists}>
          {t('nearby.useTown')}
        </button>
      </div>
      <form className="place-picker__typed" onSubmit={find}>
        <label htmlFor={ids.typed}>{t('nearby.typeTown')}</label>
        <div className="search-box__row">
          <input
            id={ids.typed}
            type="text"
            value={typed}
            list={ids.list}
            placeholder={t('nearby.typeTownPlaceholder')}
            autoComplete="off"
            enterKeyHint="search"
            onChange={(e) => setTyped(e.target.value)}
          />
          <button type="submit" className="button-secondary" disabled={typed.trim() === ''}>
            {t('nearby.findTown')}
          </button>
        </div>
        <datalist id={ids.list}>
          {townships.map((tw) => (
            <option key={`${tw.county}${tw.town}`} value={`${tw.county}${tw.town}`} />
          ))}
        </datalist>
      </form>
      <div role="status" className="nearby-message">
        {matches !== null && matches.length === 0 && t('nearby.townNotFound', { text: searched })}
        {matches !== null && matches.length > 1 && t('nearby.townMatches', { count: matches.length })}
      </div>
      {matches !== null && matches.length > 1 && (
        <ul className="township-matches">
          {matches.map((tw) => (
            <li key={`${tw.county}${tw.town}`}>
              <button type="button" className="button-secondary" onClick={() => choose(tw)}>
                {tw.county}
                {tw.town}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
