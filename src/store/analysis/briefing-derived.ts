import { buildBriefings, type TownshipBriefing } from '../../domain/briefing/township-briefing.ts';
import type { Gazetteer } from '../../domain/geo/gazetteer.ts';
import type { Dataset } from '../../domain/query/dataset.ts';
import type { AppState } from '../app-store.ts';
import { selectDataset } from '../data/derived.ts';
import { memoizeLast } from '../memoize-last.ts';
import { selectGazetteer } from '../workshop/workshop-slice.ts';

const allIndexesOf = memoizeLast((dataset: Dataset) => dataset.resources.map((_, i) => i));

const briefingOf = memoizeLast(
  (
    dataset: Dataset,
    manifest: AppState['manifest'],
    gazetteer: Gazetteer,
    villages: AppState['villageCentroids'],
    place: NonNullable<AppState['briefingPlace']>,
    sinceYear: number,
    population: AppState['population'],
  ): TownshipBriefing | null => {
    if (!manifest) return null;
    const [briefing] = buildBriefings(
      {
        resources: dataset.resources,
        indexes: allIndexesOf(dataset),
        startYears: dataset.startYears,
        categories: manifest.categories.map((c) => c.id),
        villages: villages ?? [],
        townCentroid: (county, town) => gazetteer.find(county, town)?.centroid ?? null,
        config: manifest.briefing,
        sinceYear,
        population: population?.table.byTown ?? null,
      },
      [place],
    );
    return briefing ?? null;
  },
);

/** The open township briefing over every record on show (the area and category ticks do not narrow it). */
export const selectBriefing = (s: AppState): TownshipBriefing | null =>
  s.briefingPlace
    ? briefingOf(
        selectDataset(s),
        s.manifest,
        selectGazetteer(s),
        s.villageCentroids,
        s.briefingPlace,
        s.briefingSinceYear,
        s.population,
      )
    : null;
