import './briefing.css';
import { type ChangeEvent, Fragment, useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { todayIso } from '../../components/download-file.ts';
import { OUTSIDE_KM, type TownshipBriefing } from '../../domain/briefing/township-briefing.ts';
import { formatDistance } from '../../domain/geo/distance-format.ts';
import { briefingSentences, formatRadius, formatRatio } from '../../i18n/briefing/briefing-text.ts';
import { useBriefingTranslation } from '../../i18n/briefing/briefing-translate.ts';
import { formatNumber } from '../../i18n/translate.ts';
import { selectBriefing } from '../../store/analysis/briefing-derived.ts';
import { loadVillageCentroids } from '../../store/analysis/load-village-centroids.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectDataset } from '../../store/data/derived.ts';
import { selectCountiesWithData } from '../../store/workshop/workshop-derived.ts';
import { selectGazetteer } from '../../store/workshop/workshop-slice.ts';
import { downloadAiPack } from './ai-pack-download.ts';
import { BriefingLinkNote } from './briefing-link-marks.tsx';
import { useBriefingNames } from './use-briefing-names.ts';

/** The years a briefing can count changes from: the last ten. */
const SINCE_YEARS = Array.from({ length: 10 }, (_, i) => new Date().getFullYear() - 1 - i);

/**
 * The township briefing (鄉鎮資源簡報): one page per township for the projector and for print/PDF. Rendered over
 * the page (in body, so printing can hide everything else), closed with Escape or its button.
 */
export function BriefingView() {
  const { tb, language } = useBriefingTranslation();
  const headingId = useId();
  const place = useAppStore((s) => s.briefingPlace);
  const setBriefing = useAppStore((s) => s.setBriefing);
  const since = useAppStore((s) => s.briefingSinceYear);
  const setSince = useAppStore((s) => s.setBriefingSinceYear);
  const briefing = useAppStore(selectBriefing);
  const villagesStatus = useAppStore((s) => s.villageCentroidsStatus);
  const gazetteer = useAppStore(selectGazetteer);
  const counties = useAppStore(selectCountiesWithData);
  const config = useAppStore((s) => s.manifest?.briefing);
  const names = useBriefingNames();
  const closeRef = useRef<HTMLButtonElement>(null);
  const towns = useMemo(
    () => gazetteer.townships.filter((t) => counties.includes(t.county)),
    [gazetteer, counties],
  );

  useEffect(() => {
    void loadVillageCentroids();
  }, []);
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setBriefing(null);
    };
    document.addEventListener('keydown', onKey);
    document.documentElement.classList.add('printing-briefing');
    return () => {
      document.removeEventListener('keydown', onKey);
      document.documentElement.classList.remove('printing-briefing');
    };
  }, [setBriefing]);

  if (!place || !config) return null;
  const sentences = briefing ? briefingSentences(briefing, language, names, config) : [];
  return createPortal(
    <div className="briefing-view" role="dialog" aria-modal="true" aria-labelledby={headingId}>
      <div className="briefing-view__toolbar">
        <label>
          {tb('briefing.town')}{' '}
          <select
            value={`${place.county}|${place.town}`}
            onChange={(e) => {
              const [county = '', town = ''] = e.target.value.split('|');
              setBriefing({ county, town });
            }}
          >
            {towns.map((t) => (
              <option key={`${t.county}|${t.town}`} value={`${t.county}|${t.town}`}>
                {counties.length > 1 ? `${t.county} ${t.town}` : t.town}
              </option>
            ))}
          </select>
        </label>
        <label>
          {tb('briefing.since')}{' '}
          <select value={since} onChange={(e) => setSince(Number(e.target.value))}>
            {SINCE_YEARS.map((y) => (
              <option key={y} value={y}>
                {tb('briefing.sinceOption', { year: y })}
              </option>
            ))}
          </select>
        </label>
        <PopulationInput />
        <AiPackButton briefing={briefing} sentences={sentences} />
        <button type="button" className="button-primary" onClick={() => window.print()}>
          {tb('briefing.print')}
        </button>
        <button ref={closeRef} type="button" className="button-secondary" onClick={() => setBriefing(null)}>
          {tb('briefing.close')}
        </button>
      </div>
      <article className="briefing-page">
        <header className="briefing-page__head">
          <h1 id={headingId}>{tb('briefing.heading', { town: `${place.county} ${place.town}` })}</h1>
          <p>{tb('briefing.asOf', { date: todayIso() })}</p>
          {briefing && <BriefingLinkNote briefing={briefing} />}
        </header>
        {villagesStatus === 'loading' && <p className="muted">{tb('briefing.villagesLoading')}</p>}
        {villagesStatus === 'failed' && <p className="note-approximate">{tb('briefing.villagesFailed')}</p>}
        <section aria-labelledby={`${headingId}-points`}>
          <h2 id={`${headingId}-points`}>{tb('briefing.keyPoints')}</h2>
          <ul className="briefing-points">
            {sentences.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </section>
        {briefing && <BriefingTables briefing={briefing} headingId={headingId} />}
      </article>
    </div>,
    document.body,
  );
}

function BriefingTables({ briefing, headingId }: { briefing: TownshipBriefing; headingId: string }) {
  const { tb, language } = useBriefingTranslation();
  const names = useBriefingNames();
  const config = useAppStore((s) => s.manifest?.briefing);
  const { resources } = useAppStore(selectDataset);
  const n = (x: number) => formatNumber(language, x);
  const distance = (m: number) => formatDistance(m, language);
  const nearestText = (list: readonly { index: number; metres: number }[]) =>
    list.length === 0
      ? tb('briefing.noneAtAll', { km: OUTSIDE_KM })
      : list.map((x, i) => (
          <Fragment key={x.index}>
            {i > 0 && tb('briefing.listSeparator')}
            {tb('briefing.nearestItem', {
              name: resources[x.index]?.name ?? '',
              distance: distance(x.metres),
            })}
          </Fragment>
        ));
  if (!config) return null;
  return (
    <>
      <section aria-labelledby={`${headingId}-counts`}>
        <h2 id={`${headingId}-counts`}>{tb('briefing.countsHeading')}</h2>
        <table className="briefing-table">
          <thead>
            <tr>
              <th scope="col">{tb('briefing.col.category')}</th>
              <th scope="col">{tb('briefing.col.count')}</th>
              <th scope="col">{tb('briefing.col.added', { year: briefing.sinceYear ?? '' })}</th>
              {briefing.population !== null && <th scope="col">{tb('briefing.col.perThousand')}</th>}
            </tr>
          </thead>
          <tbody>
            {briefing.counts.map((c) => (
              <tr key={c.category} className={c.count === 0 ? 'briefing-table__none' : undefined}>
                <th scope="row">{names.category(c.category)}</th>
                <td>{n(c.count)}</td>
                <td>{c.added === null ? tb('briefing.unknownAdded') : `+${n(c.added)}`}</td>
                {briefing.population !== null && <td>{formatRatio(c.perThousand ?? 0, language)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby={`${headingId}-gaps`}>
        <h2 id={`${headingId}-gaps`}>{tb('briefing.gapsHeading')}</h2>
        <h3>{tb('briefing.missingHeading')}</h3>
        {briefing.missingCategories.length === 0 ? (
          <p>{tb('briefing.noGaps')}</p>
        ) : (
          <ul className="briefing-gaps">
            {briefing.missingCategories.map((m) => (
              <li key={m.category}>
                <strong>{names.category(m.category)}</strong>
                {tb('briefing.labelSeparator')}
                {nearestText(m.nearest)}
              </li>
            ))}
          </ul>
        )}
        <h3>
          {tb('briefing.farHeading', {
            radius: formatRadius(config.villageRadiusMetres, language),
            count: n(briefing.farVillages.length),
            of: n(briefing.villageCount),
          })}
        </h3>
        {briefing.farVillages.length === 0 ? (
          <p>{tb('briefing.noGaps')}</p>
        ) : (
          <ul className="briefing-gaps">
            {briefing.farVillages.map((v) => (
              <li key={v.village}>
                <strong>{v.village}</strong>
                {tb('briefing.labelSeparator')}
                {nearestText([...(v.nearestWelfare ? [v.nearestWelfare] : []), ...v.nearestOthers])}
              </li>
            ))}
          </ul>
        )}
        <h3>
          {tb('briefing.communitiesHeading', {
            radius: formatRadius(config.shopRadiusMetres, language),
            count: n(briefing.communitiesWithoutShop.length),
            of: n(briefing.communityCount),
          })}
        </h3>
        {briefing.communitiesWithoutShop.length === 0 ? (
          <p>{tb('briefing.noGaps')}</p>
        ) : (
          <ul className="briefing-gaps">
            {briefing.communitiesWithoutShop.map((c) => (
              <li key={c.index}>
                <strong>{resources[c.index]?.name}</strong>
                {tb('briefing.labelSeparator')}
                {nearestText(c.nearestShop ? [c.nearestShop] : [])}
              </li>
            ))}
          </ul>
        )}
      </section>
      {briefing.targets.length > 0 && (
        <section aria-labelledby={`${headingId}-targets`}>
          <h2 id={`${headingId}-targets`}>{tb('briefing.targetsHeading')}</h2>
          <ul className="briefing-targets">
            {briefing.targets.map((p) => {
              const share = p.of === 0 ? 0 : p.reached / p.of;
              const name = names.category(p.target.category);
              const what =
                p.target.kind === 'share-with-service'
                  ? `${name} × ${names.service(p.target.service)} ≥ ${p.target.percent}%`
                  : name;
              return (
                <li key={`${p.target.kind}-${p.target.category}`}>
                  <span className="briefing-targets__name">{what}</span>
                  <progress
                    max={1}
                    value={share}
                    aria-label={`${what} ${tb('briefing.progressLabel', { reached: n(p.reached), of: n(p.of) })}`}
                  />
                  <span>
                    {tb('briefing.progressLabel', { reached: n(p.reached), of: n(p.of) })}{' '}
                    {tb(p.met ? 'briefing.status.met' : 'briefing.status.notMet')}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </>
  );
}

function PopulationInput() {
  const { tb } = useBriefingTranslation();
  const population = useAppStore((s) => s.population);
  const setPopulation = useAppStore((s) => s.setPopulation);
  const [problem, setProblem] = useState('');
  const id = useId();
  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const { parsePopulationTable } = await import('../../domain/briefing/population-table.ts');
    const table = parsePopulationTable(
      new Uint8Array(await file.arrayBuffer()),
      selectGazetteer(useAppStore.getState()),
    );
    if (typeof table === 'string') {
      setProblem(tb('briefing.populationProblem', { file: file.name }));
      return;
    }
    setProblem('');
    setPopulation({ file: file.name, table });
  };
  return (
    <span className="briefing-population">
      <label htmlFor={id}>{tb('briefing.population')}</label>
      <input id={id} type="file" accept=".csv,.txt" onChange={load} />
      {problem && <span role="alert">{problem}</span>}
      {population && (
        <span role="status">
          {tb('briefing.populationLoaded', {
            file: population.file,
            period: population.table.period,
            count: population.table.byTown.size,
            skipped: population.table.skipped.length,
          })}{' '}
          <button type="button" className="button-ghost" onClick={() => setPopulation(null)}>
            {tb('briefing.populationRemove')}
          </button>
        </span>
      )}
    </span>
  );
}

function AiPackButton({ briefing, sentences }: { briefing: TownshipBriefing | null; sentences: string[] }) {
  const { tb, language } = useBriefingTranslation();
  const [done, setDone] = useState('');
  return (
    <span className="briefing-ai-pack">
      <button
        type="button"
        className="button-secondary"
        title={tb('briefing.aiPackNote')}
        onClick={() => {
          const result = downloadAiPack(useAppStore.getState(), language, briefing, sentences);
          if (!result) return;
          const link = result.linkRecords;
          setDone(
            [
              tb('briefing.aiPackDone', {
                records: result.recordCount,
                dropped: result.droppedRecords,
                columns: result.droppedColumns.length,
              }),
              ...(link.count > 0
                ? [tb('briefing.aiPackDoneLink', { count: link.count, host: link.hosts.join('、') })]
                : []),
            ].join(' '),
          );
        }}
      >
        {tb('briefing.aiPack')}
      </button>
      {done && <span role="status">{done}</span>}
    </span>
  );
}
