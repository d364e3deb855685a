/** zh-TW strings of the search: did-you-mean and what to do when nothing is found. */
export const zhSearch = {
  'search.didYouMean': '您是不是要找「{query}」？以下是「{query}」的結果。',
  'search.useSuggestion': '改搜尋「{query}」',
  'search.nothingFound': '找不到符合「{query}」的資源。',
  'search.nearestToYou': '離您最近的{names}',
  'search.nearestToPlace': '離{place}最近的{names}',
  'search.mayHelp': '這些{names}也許能幫忙',
  'search.distance': '約 {distance}',
  'search.hotlines': '打電話問問看',
  'search.clearFilters': '清除所有篩選條件',
} as const;
