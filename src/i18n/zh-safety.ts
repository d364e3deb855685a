/** zh-TW strings of the safety measures: visibility notes, data from links, failed chunks, import limits. */
export const zhSafety = {
  'issue.unrecognised-visibility': '「公開」欄的值無法辨識，此筆視為內部資料，不會公開發布',
  'export.truncatedCells':
    '已下載，但有 {count} 格超過 Excel 單格 32,767 字的上限：這些格子已截斷，結尾註記「…［已截斷 truncated］」。完整內容請改用 CSV 或 ODS。',
  'export.failed': '無法產生檔案：{reason}',
  // A part of the page whose code could not be loaded (components/chunk-error-boundary.tsx), and a new version
  // waiting in the service worker (app/new-version-banner.tsx).
  'version.partFailedTitle': '這個部分無法載入',
  'version.reloadForNew': '請重新整理以取得新版本',
  'version.reload': '重新整理',
  'version.retry': '再試一次',
  'version.close': '關閉',
  'version.ready': '有新版本可用：重新整理即可更新。',
} as const;
