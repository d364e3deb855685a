import type { Abbreviation } from './abbreviations.ts';

/** Short forms common in Taiwan's social-welfare vocabulary (written the way offices and residents type them). */
export const DEFAULT_ABBREVIATIONS: readonly Abbreviation[] = [
  { short: '社福', full: ['社會福利'] },
  { short: '心衛', full: ['心理衛生'] },
  { short: '長照', full: ['長期照顧'] },
  { short: '課輔', full: ['課後輔導', '課後照顧'] },
  { short: '日照', full: ['日間照顧'] },
  { short: '身障', full: ['身心障礙'] },
  { short: '家暴', full: ['家庭暴力'] },
  { short: '社工', full: ['社會工作'] },
  { short: '衛福', full: ['衛生福利'] },
  { short: '居服', full: ['居家服務'] },
  { short: '獨老', full: ['獨居老人'] },
  { short: '急難', full: ['急難救助'] },
  { short: '新住民', full: ['新移民'] },
  { short: '原民', full: ['原住民'] },
];
