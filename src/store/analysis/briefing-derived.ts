import { buildBriefings, type TownshipBriefing } from '../../domain/briefing/township-briefing.ts';
import type { Gazetteer } from '../../domain/geo/gazetteer.ts';
import type { Dataset } from '../../domain/query/dataset.ts';
import type { AppState } from '../app-store.ts';
import { selectDataset } from '../data/derived.ts';
import { selectLinkHostById } from '../import/data-link-derived.ts';
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
    linkHosts: ReadonlyMap<string, string>,
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
        linkHosts,
      },
      [place],
    );
    return briefing ?? null;
  },
);

/**
 * The open township briefing over every official record on show (the area and category ticks do not narrow it):
 * records a `?data=` link brought are left out, and counted as left out.
 */
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
        selectLinkHostById(s),
      )
    : null;
