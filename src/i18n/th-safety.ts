import type { zhSafety } from './zh-safety.ts';

/** Thai strings of the safety measures. */
export const thSafety: Record<keyof typeof zhSafety, string> = {
  'issue.unrecognised-visibility': 'ไม่รู้จักค่าการเผยแพร่: ถือว่าเป็นข้อมูลภายในและไม่เผยแพร่',
  'export.truncatedCells':
    'ดาวน์โหลดแล้ว แต่มี {count} เซลล์ยาวเกินขีดจำกัด 32,767 ตัวอักษรของ Excel: ถูกตัดและลงท้ายด้วย “…［已截斷 truncated］” ใช้ CSV หรือ ODS เพื่อให้ได้ข้อความครบ',
  'export.failed': 'สร้างไฟล์ไม่ได้: {reason}',
  'version.partFailedTitle': 'โหลดส่วนนี้ไม่ได้',
  'version.reloadForNew': 'โปรดรีเฟรชหน้าเพื่อรับเวอร์ชันใหม่',
  'version.reload': 'รีเฟรช',
  'version.retry': 'ลองอีกครั้ง',
  'version.close': 'ปิด',
  'version.ready': 'มีเวอร์ชันใหม่แล้ว: รีเฟรชหน้าเพื่ออัปเดต',
};
