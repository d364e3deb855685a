/** The languages of the page, its links and its exports; zh-TW is the default (a link says `lang=en`). */
export type Language = 'zh-TW' | 'en';
