import type { zhDataLink } from './zh-data-link.ts';

/** Thai strings of `?data=` links. */
export const thDataLink: Record<keyof typeof zhDataLink, string> = {
  'dataLink.confirmTitle': 'โหลดข้อมูลจากลิงก์นี้หรือไม่?',
  'dataLink.confirmHost': 'ลิงก์นี้จะเพิ่มข้อมูลจาก {host} ลงในแผนที่',
  'dataLink.confirmWarning':
    'นี่ไม่ใช่ข้อมูลทางการ: ผู้สร้างลิงก์เป็นผู้กำหนดเนื้อหา และแผนที่นี้ตรวจสอบไม่ได้ ข้อมูลอาจผิด หรือแอบอ้างชื่อและเบอร์โทรศัพท์ของหน่วยงานจริง โปรดโหลดเฉพาะแหล่งที่คุณเชื่อถือ',
  'dataLink.confirmUrl': 'ที่อยู่เต็ม',
  'dataLink.confirmKeep': 'หากไม่โหลด แผนที่จะแสดงเฉพาะข้อมูลทางการ',
  'dataLink.limit': 'ไฟล์ขนาดไม่เกิน {limit}',
  'dataLink.decline': 'ไม่โหลด',
  'dataLink.accept': 'โหลดข้อมูลนี้',
  'dataLink.banner': 'แผนที่นี้มีข้อมูลที่ไม่เป็นทางการจาก {host}',
  'dataLink.bannerLabel': 'ข้อมูลไม่เป็นทางการ',
  'dataLink.remove': 'ลบข้อมูลไม่เป็นทางการ',
  'dataLink.loading': 'กำลังโหลดข้อมูลไม่เป็นทางการจาก {host}…',
  'dataLink.failed': 'โหลดข้อมูลจากลิงก์ไม่ได้ ({source}): {reason}',
  'dataLink.badge': 'ไม่เป็นทางการ · {host}',
  'dataLink.detailNote': 'รายการนี้มาจากลิงก์ไปยัง {host} ไม่ใช่ข้อมูลทางการและยังไม่ได้ตรวจสอบ',
  'dataLink.tooLarge': 'ไฟล์ใหญ่เกินขีดจำกัด {limit} สำหรับข้อมูลจากลิงก์ จึงไม่ได้โหลด',
  'dataLink.hasCredentials': 'ลิงก์ต้องไม่มีชื่อผู้ใช้หรือรหัสผ่าน',
  'dataLink.marker': ' ข้อมูลไม่เป็นทางการจาก {host}',
  'dataLink.cluster': '{count} แห่ง ในจำนวนนี้ {linked} แห่งเป็นข้อมูลไม่เป็นทางการ แตะเพื่อขยาย',
  'dataLink.legendLabel': 'สัญลักษณ์ข้อมูลไม่เป็นทางการ',
  'dataLink.legendMarker': 'กรอบเส้นประพร้อม “!”: ข้อมูลไม่เป็นทางการจาก {host} ยังไม่ได้ตรวจสอบ',
  'dataLink.legendCluster': 'วงตัวเลขกรอบเส้นประพร้อม “!”: มีข้อมูลไม่เป็นทางการรวมอยู่',
  'dataLink.exportNote':
    'รายการนี้มีข้อมูลไม่เป็นทางการ {count} รายการจาก {host}: ไฟล์ระบุทุกรายการในคอลัมน์ “{column}” และชื่อไฟล์ก็ระบุไว้ด้วย',
  'dataLink.filePart': 'มีข้อมูลไม่เป็นทางการ',
};
