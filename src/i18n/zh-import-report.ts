/** zh-TW strings of the import's own findings (issue 17): new issue codes, the report's chips, file-level notes. */
export const zhImportReport = {
  'reportClass.rejected': '未匯入',
  'reportClass.needs-location': '需要放置',
  'reportClass.approximate': '約略位置',
  'reportClass.fixed': '已修正後匯入',
  'reportClass.noted': '已匯入（有附註）',
  'reportClass.imported': '照原樣匯入',
  'format.json': 'JSON（物件清單）',
  'import.notAList.boundaries': '這個檔案是行政界線（多邊形），不是據點清單：用於涵蓋範圍分析。',
  'import.notAList.statistics':
    '這個檔案看起來是統計表（各地區的數字），不是據點清單：沒有名稱欄，所有列都不會匯入。若確實是清單，請為「名稱」選一個欄位。',
  'import.toCoverage': '用於涵蓋範圍分析',
  'importReport.fileChanges': '整個檔案的處理',
  'importReport.encoding': '文字編碼：{encoding}（已轉為 Unicode）',
  'importReport.filterLabel': '依結果篩選',
  'importReport.filterAll': '全部',
  'importReport.chip': '{outcome}（{count}）',
  'importReport.page': '第 {from}–{to} 列，共 {count} 列',
  'importReport.previous': '上一頁',
  'importReport.next': '下一頁',
  'importReport.none': '沒有這種結果的列。',
  'import.countyGuess': '這個檔案的地址沒有縣市，看起來是{county}。',
  'import.countyGuessConfirm': '確認是{county}',
  'import.allRejected':
    '照目前的欄位對應，所有列都不會匯入：{reason}。請為「名稱」選一個欄位，才能開始匯入。',
  'import.nameProposed': '沒有欄位標題寫著名稱；「{column}」的內容看起來像機構名稱，已先選它。',
} as const;
