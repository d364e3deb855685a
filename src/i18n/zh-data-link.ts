/** zh-TW strings of `?data=` links: the confirmation, the banner, the badge and why a link was refused. */
export const zhDataLink = {
  'dataLink.confirmTitle': '要載入連結中的資料嗎？',
  'dataLink.confirmHost': '這個連結要在地圖上加入來自 {host} 的資料。',
  'dataLink.confirmWarning':
    '這不是官方資料：內容由製作連結的人決定，本地圖無法查證，可能有錯，或冒用真實機構的名稱與電話。請只載入您信任的來源。',
  'dataLink.confirmUrl': '完整網址',
  'dataLink.confirmKeep': '不載入時，地圖只顯示官方資料。',
  'dataLink.limit': '檔案大小上限 {limit}。',
  'dataLink.decline': '不要載入',
  'dataLink.accept': '載入這份資料',
  'dataLink.banner': '此地圖含有來自 {host} 的非官方資料',
  'dataLink.bannerLabel': '非官方資料',
  'dataLink.remove': '移除非官方資料',
  'dataLink.loading': '正在載入來自 {host} 的非官方資料…',
  'dataLink.failed': '無法載入連結的資料（{source}）：{reason}',
  'dataLink.badge': '非官方・{host}',
  'dataLink.detailNote': '這筆資料來自 {host} 的連結，不是官方資料，內容未經查證。',
  'dataLink.tooLarge': '檔案超過連結資料的上限 {limit}，未載入',
  'dataLink.hasCredentials': '連結不可包含帳號或密碼',
  'dataLink.marker': '，非官方資料，來自 {host}',
  'dataLink.cluster': '{count} 個資源，其中 {linked} 個是非官方資料，點擊放大',
  'dataLink.legendLabel': '非官方資料的標記',
  'dataLink.legendMarker': '虛線框加「!」的標記：來自 {host} 的非官方資料，未經查證',
  'dataLink.legendCluster': '虛線框加「!」的數字圈：其中含有非官方資料',
  'dataLink.exportNote':
    '清單中有 {count} 筆來自 {host} 的非官方資料：匯出檔以「{column}」欄逐筆標示，檔名也會註明。',
  'dataLink.filePart': '含非官方資料',
} as const;
