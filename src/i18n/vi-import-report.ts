import type { zhImportReport } from './zh-import-report.ts';

/** Vietnamese strings of the import's own findings. */
export const viImportReport: Record<keyof typeof zhImportReport, string> = {
  'reportClass.rejected': 'Không nhập',
  'reportClass.needs-location': 'Cần đặt vị trí',
  'reportClass.approximate': 'Vị trí gần đúng',
  'reportClass.fixed': 'Đã sửa rồi nhập',
  'reportClass.noted': 'Đã nhập, có ghi chú',
  'reportClass.imported': 'Nhập nguyên văn',
  'format.json': 'JSON (danh sách đối tượng)',
  'import.notAList.boundaries':
    'Tệp này chứa ranh giới (đa giác), không phải danh sách địa điểm: dùng cho phân tích phạm vi.',
  'import.notAList.statistics':
    'Tệp này giống bảng thống kê (số liệu theo khu vực), không phải danh sách địa điểm: không có cột tên nên sẽ không nhập dòng nào. Nếu đúng là danh sách, hãy chọn một cột cho tên.',
  'import.toCoverage': 'Dùng cho phân tích phạm vi',
  'importReport.fileChanges': 'Áp dụng cho cả tệp',
  'importReport.encoding': 'Mã hóa văn bản: {encoding} (đã chuyển sang Unicode)',
  'importReport.filterLabel': 'Lọc theo kết quả',
  'importReport.filterAll': 'Tất cả',
  'importReport.chip': '{outcome} ({count})',
  'importReport.page': 'Dòng {from}–{to} trong {count}',
  'importReport.previous': 'Trang trước',
  'importReport.next': 'Trang sau',
  'importReport.none': 'Không có dòng nào với kết quả này.',
  'import.countyGuess': 'Các địa chỉ trong tệp không ghi huyện/thị; có vẻ là {county}.',
  'import.countyGuessConfirm': 'Đúng, là {county}',
  'import.allRejected':
    'Với các cột này sẽ không nhập được dòng nào: {reason}. Hãy chọn một cột cho tên để bắt đầu nhập.',
  'import.nameProposed':
    'Không có cột nào mang tiêu đề tên; giá trị của “{column}” trông giống tên tổ chức nên tạm thời được chọn.',
};
