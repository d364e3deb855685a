/** zh-TW strings of the safety measures: visibility notes, data from links, failed chunks, import limits. */
export const zhSafety = {
  'issue.unrecognised-visibility': '「公開」欄的值無法辨識，此筆視為內部資料，不會公開發布',
} as const;
