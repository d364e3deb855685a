import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { answerQuestion } from '../../domain/briefing/question-answer.ts';
import {
  parseQuestion,
  QUESTION_LANGUAGES,
  type QuestionIntent,
  type QuestionVocabulary,
  type UnderstoodIntent,
} from '../../domain/briefing/question-intent.ts';
import { formatDistance } from '../../domain/geo/distance-format.ts';
import { PLACE_NAMES_EN } from '../../domain/geo/place-names-en.ts';
import { townshipEnglishNames } from '../../domain/geo/place-names-en-of.ts';
import { NO_FILTERS } from '../../domain/query/filter-resources.ts';
import { useBriefingTranslation } from '../../i18n/briefing/briefing-translate.ts';
import { translateBriefing } from '../../i18n/briefing/translate-briefing.ts';
import type { BriefingKey } from '../../i18n/briefing/zh-briefing.ts';
import { formatNumber } from '../../i18n/translate.ts';
import { loadVillageCentroids } from '../../store/analysis/load-village-centroids.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectCategories, selectDataset, selectServiceTags } from '../../store/data/derived.ts';
import { selectCountiesWithData } from '../../store/workshop/workshop-derived.ts';
import { selectGazetteer } from '../../store/workshop/workshop-slice.ts';
import { useBriefingNames } from './use-briefing-names.ts';

const EXAMPLES: readonly BriefingKey[] = [
  'question.example.count',
  'question.example.absence',
  'question.example.near',
  'question.example.change',
  'question.example.township',
];
const KINDS: readonly UnderstoodIntent['kind'][] = ['count', 'list', 'absence', 'near', 'change'];
const LISTED = 30;
const ENGLISH = townshipEnglishNames(PLACE_NAMES_EN);

/**
 * The question box (提問): a question in plain words, understood locally, shown as ordinary choices (kind,
 * category, area, distance, years) that the person can change, with the answer and a button that puts the same
 * choices on the map and list. A question it cannot read gets a plain "not understood" and examples.
 * Questions are read in Chinese and English; in another interface language everything is written in that
 * language, and an example shows (and asks) its English wording too, so the person sees what to type.
 */
export function QuestionBox() {
  const { tb, language } = useBriefingTranslation();
  const askedIn = QUESTION_LANGUAGES.includes(language) ? language : 'en';
  const id = useId();
  const [text, setText] = useState('');
  const [intent, setIntent] = useState<QuestionIntent | null>(null);
  const categories = useAppStore(selectCategories);
  const serviceTags = useAppStore(selectServiceTags);
  const dataset = useAppStore(selectDataset);
  const gazetteer = useAppStore(selectGazetteer);
  const counties = useAppStore(selectCountiesWithData);
  const areaCounty = useAppStore((s) => s.filters.county);
  const villages = useAppStore((s) => s.villageCentroids);
  const names = useBriefingNames();
  const defaultCounty = areaCounty || (counties.length === 1 ? (counties[0] ?? '') : '');
  const vocabulary = useMemo(
    (): QuestionVocabulary => ({
      categories,
      serviceTags,
      townships: gazetteer.townships.map((t) => ({
        county: t.county,
        town: t.town,
        ...ENGLISH.get(`${t.county}|${t.town}`),
      })),
      defaultCounty,
      records: dataset.resources,
      thisYear: new Date().getFullYear(),
    }),
    [categories, serviceTags, gazetteer, defaultCounty, dataset],
  );
  const understood = intent && intent.kind !== 'unknown' ? intent : null;
  const answer = useMemo(
    () =>
      understood
        ? answerQuestion(understood, {
            resources: dataset.resources,
            startYears: dataset.startYears,
            villages,
            townships: gazetteer.townships,
            defaultCounty,
          })
        : null,
    [understood, dataset, villages, gazetteer, defaultCounty],
  );
  useEffect(() => {
    if (answer?.kind === 'needs-villages') void loadVillageCentroids();
  }, [answer]);

  const ask = (question: string) => {
    setText(question);
    setIntent(parseQuestion(question, vocabulary));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    ask(text);
  };
  const change = (patch: Partial<UnderstoodIntent>) => {
    if (understood) setIntent({ ...understood, ...patch } as UnderstoodIntent);
  };
  const towns = gazetteer.townships.filter((t) => counties.includes(t.county));
  const n = (x: number) => formatNumber(language, x);
  const anchorName =
    understood?.anchor?.kind === 'resource'
      ? (dataset.resources[understood.anchor.index]?.name ?? '')
      : understood?.anchor?.kind === 'town'
        ? understood.anchor.town
        : '';

  const showOnMap = () => {
    if (!understood) return;
    const s = useAppStore.getState();
    s.setFilters({
      ...NO_FILTERS,
      hiddenCategories: understood.category
        ? categories.map((c) => c.id).filter((c) => c !== understood.category)
        : [],
      services: understood.service ? [understood.service] : [],
      county: understood.county,
      town: understood.town,
    });
    if (understood.kind === 'near' && answer?.kind === 'records' && answer.from) {
      s.setReference({ source: 'map', point: answer.from });
      s.setRadius(understood.radiusKm);
    }
    if (understood.kind === 'change') s.setAsOfYear(understood.toYear);
  };

  return (
    <div className="question-box">
      <form className="analysis-toolbar" onSubmit={onSubmit}>
        <label htmlFor={`${id}-q`}>{tb('question.label')}</label>
        <input
          id={`${id}-q`}
          type="search"
          className="question-box__input"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="button-primary">
          {tb('question.submit')}
        </button>
      </form>
      {intent?.kind === 'unknown' && (
        <p role="status" className="question-box__unknown">
          {tb(
            intent.reason === 'absence-without-category'
              ? 'question.absenceWithoutCategory'
              : 'question.notUnderstood',
          )}
        </p>
      )}
      {understood && (
        <fieldset className="question-box__understood">
          <legend>{tb('question.understood')}</legend>
          <label>
            {tb('question.kind')}{' '}
            <select
              value={understood.kind}
              onChange={(e) => change({ kind: e.target.value as UnderstoodIntent['kind'] })}
            >
              {KINDS.map((k) => (
                <option key={k} value={k} disabled={k === 'near' && !understood.anchor}>
                  {tb(`question.kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {tb('question.category')}{' '}
            <select
              value={understood.category ?? ''}
              onChange={(e) => change({ category: e.target.value || null })}
            >
              <option value="">{tb('question.anyCategory')}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {names.category(c.id)}
                </option>
              ))}
            </select>
          </label>
          {understood.kind !== 'near' && (
            <label>
              {tb('question.place')}{' '}
              <select
                value={`${understood.county}|${understood.town}`}
                onChange={(e) => {
                  const [county = '', town = ''] = e.target.value.split('|');
                  change({ county, town });
                }}
              >
                <option value="|">{tb('question.anyPlace')}</option>
                {counties.map((c) => (
                  <option key={c} value={`${c}|`}>
                    {c}
                  </option>
                ))}
                {towns.map((t) => (
                  <option key={`${t.county}|${t.town}`} value={`${t.county}|${t.town}`}>
                    {t.county} {t.town}
                  </option>
                ))}
                {understood.county && !counties.includes(understood.county) && (
                  <option value={`${understood.county}|${understood.town}`}>
                    {understood.county} {understood.town}
                  </option>
                )}
              </select>
            </label>
          )}
          {understood.kind === 'absence' && (
            <label>
              {tb('question.unit')}{' '}
              <select
                value={understood.unit}
                onChange={(e) => change({ unit: e.target.value as 'village' | 'township' })}
              >
                <option value="village">{tb('question.unit.village')}</option>
                <option value="township">{tb('question.unit.township')}</option>
              </select>
            </label>
          )}
          {understood.kind === 'near' && (
            <>
              <span>{tb('question.from', { name: anchorName })}</span>
              <label>
                {tb('question.radius')}{' '}
                <input
                  type="number"
                  min={0.1}
                  max={50}
                  step={0.1}
                  value={understood.radiusKm}
                  onChange={(e) => change({ radiusKm: Math.max(0.1, Number(e.target.value) || 1) })}
                />
              </label>
            </>
          )}
          {understood.kind === 'change' && (
            <>
              <label>
                {tb('question.fromYear')}{' '}
                <input
                  type="number"
                  value={understood.fromYear}
                  onChange={(e) => change({ fromYear: Number(e.target.value) || understood.fromYear })}
                />
              </label>
              <label>
                {tb('question.toYear')}{' '}
                <input
                  type="number"
                  value={understood.toYear}
                  onChange={(e) => change({ toYear: Number(e.target.value) || understood.toYear })}
                />
              </label>
            </>
          )}
          <button type="button" className="button-secondary" onClick={showOnMap}>
            {tb('question.apply')}
          </button>
        </fieldset>
      )}
      {understood && answer && (
        <div className="question-box__answer" role="status">
          {answer.kind === 'needs-villages' && <p>{tb('question.villagesLoading')}</p>}
          {answer.kind === 'places' && (
            <>
              <p>
                {tb('question.answerPlaces', {
                  of: n(answer.of),
                  unit: tb(
                    understood.unit === 'village' ? 'question.unit.village' : 'question.unit.township',
                  ),
                  count: n(answer.places.length),
                  category: understood.category
                    ? names.category(understood.category)
                    : tb('question.anyResource'),
                })}
              </p>
              <p className="question-box__places">{answer.places.join(tb('briefing.listSeparator'))}</p>
            </>
          )}
          {answer.kind === 'records' && (
            <>
              <p>
                {understood.kind === 'near'
                  ? tb('question.answerNear', {
                      count: n(answer.indexes.length),
                      radius: understood.radiusKm,
                    })
                  : understood.kind === 'change'
                    ? tb('question.answerChange', {
                        count: n(answer.indexes.length),
                        from: understood.fromYear,
                        to: understood.toYear,
                        undated: n(answer.undated ?? 0),
                      })
                    : tb('question.answerCount', { count: n(answer.indexes.length) })}
              </p>
              {understood.kind !== 'count' && answer.indexes.length > 0 && (
                <ol className="question-box__records">
                  {answer.indexes.slice(0, LISTED).map((i, k) => (
                    <li key={i}>
                      {dataset.resources[i]?.name}
                      {answer.metres?.[k] !== undefined &&
                        ` · ${formatDistance(answer.metres[k] ?? 0, language)}`}
                    </li>
                  ))}
                </ol>
              )}
              {understood.kind !== 'count' && answer.indexes.length > LISTED && (
                <p className="muted">{tb('question.more', { count: n(answer.indexes.length - LISTED) })}</p>
              )}
            </>
          )}
        </div>
      )}
      <section className="question-box__examples" aria-labelledby={`${id}-examples`}>
        <h3 id={`${id}-examples`}>{tb('question.examples')}</h3>
        <p className="muted">{tb('question.languages')}</p>
        <ul>
          {EXAMPLES.map((key) => {
            const asked = translateBriefing(askedIn, key);
            return (
              <li key={key}>
                <button type="button" className="button-ghost" onClick={() => ask(asked)}>
                  {tb(key)}
                  {askedIn !== language && (
                    <span lang={askedIn} className="question-box__asked">
                      {asked}
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
