import type { zhImportReport } from './zh-import-report.ts';

/** Thai strings of the import's own findings. */
export const thImportReport: Record<keyof typeof zhImportReport, string> = {
  'reportClass.rejected': 'ไม่ได้นำเข้า',
  'reportClass.needs-location': 'ต้องระบุตำแหน่ง',
  'reportClass.approximate': 'ตำแหน่งโดยประมาณ',
  'reportClass.fixed': 'แก้ไขแล้วนำเข้า',
  'reportClass.noted': 'นำเข้าแล้ว มีหมายเหตุ',
  'reportClass.imported': 'นำเข้าตามเดิม',
  'format.json': 'JSON (รายการออบเจ็กต์)',
  'import.notAList.boundaries': 'ไฟล์นี้เก็บเขตแดน (รูปหลายเหลี่ยม) ไม่ใช่รายการสถานที่: ใช้สำหรับวิเคราะห์ความครอบคลุม',
  'import.notAList.statistics':
    'ไฟล์นี้ดูเหมือนตารางสถิติ (ตัวเลขตามพื้นที่) ไม่ใช่รายการสถานที่: ไม่มีคอลัมน์ชื่อ จึงไม่มีแถวใดถูกนำเข้า หากเป็นรายการจริง โปรดเลือกคอลัมน์สำหรับชื่อ',
  'import.toCoverage': 'ใช้สำหรับวิเคราะห์ความครอบคลุม',
  'importReport.fileChanges': 'ใช้กับทั้งไฟล์',
  'importReport.encoding': 'การเข้ารหัสข้อความ: {encoding} (แปลงเป็น Unicode แล้ว)',
  'importReport.filterLabel': 'กรองตามผลลัพธ์',
  'importReport.filterAll': 'ทั้งหมด',
  'importReport.chip': '{outcome} ({count})',
  'importReport.page': 'แถว {from}–{to} จาก {count}',
  'importReport.previous': 'หน้าก่อน',
  'importReport.next': 'หน้าถัดไป',
  'importReport.none': 'ไม่มีแถวที่มีผลลัพธ์นี้',
  'import.countyGuess': 'ที่อยู่ในไฟล์นี้ไม่ระบุเทศมณฑล ดูเหมือนจะเป็น{county}',
  'import.countyGuessConfirm': 'ใช่ เป็น{county}',
  'import.allRejected': 'ด้วยคอลัมน์เหล่านี้ จะไม่มีแถวใดถูกนำเข้า: {reason} โปรดเลือกคอลัมน์สำหรับชื่อเพื่อเริ่มนำเข้า',
  'import.nameProposed': 'ไม่มีคอลัมน์ที่มีหัวว่าชื่อ; ค่าใน “{column}” ดูเหมือนชื่อองค์กร จึงเลือกไว้ก่อน',
};
