import type { zhSearch } from './zh-search.ts';

/** English strings of the search. */
export const enSearch: Record<keyof typeof zhSearch, string> = {
  'search.didYouMean': 'Did you mean “{query}”? Showing results for “{query}”.',
  'search.useSuggestion': 'Search for “{query}”',
  'search.nothingFound': 'Nothing matches “{query}”.',
  'search.nearestToYou': '{names} nearest to you',
  'search.nearestToPlace': '{names} nearest to {place}',
  'search.mayHelp': 'These may help: {names}',
  'search.distance': 'about {distance}',
  'search.hotlines': 'Call and ask',
  'search.clearFilters': 'Clear all filters',
};
