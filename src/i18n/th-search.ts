import type { zhSearch } from './zh-search.ts';

/** Thai strings of the search. */
export const thSearch: Record<keyof typeof zhSearch, string> = {
  'search.didYouMean': 'คุณหมายถึง “{query}” ใช่ไหม กำลังแสดงผลลัพธ์ของ “{query}”',
  'search.useSuggestion': 'ค้นหา “{query}”',
  'search.nothingFound': 'ไม่พบสถานที่ที่ตรงกับ “{query}”',
  'search.nearestToYou': '{names} ที่ใกล้คุณที่สุด',
  'search.nearestToPlace': '{names} ที่ใกล้ {place} ที่สุด',
  'search.mayHelp': 'สถานที่เหล่านี้อาจช่วยได้: {names}',
  'search.distance': 'ประมาณ {distance}',
  'search.hotlines': 'โทรสอบถาม',
  'search.clearFilters': 'ล้างตัวกรองทั้งหมด',
};
