import type { zhSearch } from './zh-search.ts';

/** Vietnamese strings of the search. */
export const viSearch: Record<keyof typeof zhSearch, string> = {
  'search.didYouMean': 'Có phải bạn muốn tìm “{query}”? Đang hiện kết quả cho “{query}”.',
  'search.useSuggestion': 'Tìm “{query}”',
  'search.nothingFound': 'Không tìm thấy nơi nào khớp với “{query}”.',
  'search.nearestToYou': '{names} gần bạn nhất',
  'search.nearestToPlace': '{names} gần {place} nhất',
  'search.mayHelp': 'Những nơi này có thể giúp bạn: {names}',
  'search.distance': 'khoảng {distance}',
  'search.hotlines': 'Gọi điện để hỏi',
  'search.clearFilters': 'Xóa tất cả bộ lọc',
};
