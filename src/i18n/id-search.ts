import type { zhSearch } from './zh-search.ts';

/** Indonesian strings of the search. */
export const idSearch: Record<keyof typeof zhSearch, string> = {
  'search.didYouMean': 'Maksud Anda “{query}”? Menampilkan hasil untuk “{query}”.',
  'search.useSuggestion': 'Cari “{query}”',
  'search.nothingFound': 'Tidak ada tempat yang cocok dengan “{query}”.',
  'search.nearestToYou': '{names} terdekat dari Anda',
  'search.nearestToPlace': '{names} terdekat dari {place}',
  'search.mayHelp': 'Tempat ini mungkin bisa membantu: {names}',
  'search.distance': 'sekitar {distance}',
  'search.hotlines': 'Telepon dan tanyakan',
  'search.clearFilters': 'Hapus semua filter',
};
