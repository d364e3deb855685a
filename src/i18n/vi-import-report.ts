import type { zhImportReport } from './zh-import-report.ts';

/** Vietnamese strings of the import's own findings. */
export const viImportReport: Record<keyof typeof zhImportReport, string> = {
  'issue.address-phone-split': 'Ô địa chỉ có cả số điện thoại: đã chuyển sang ô điện thoại',
  'issue.place-from-position':
    'Địa chỉ không ghi huyện/thị hay thị trấn: đã lấy theo tọa độ (ranh giới của Bộ Nội vụ)',
  'issue.place-disagrees':
    'Huyện/thị hoặc thị trấn trong địa chỉ khác với nơi tọa độ nằm (ranh giới của Bộ Nội vụ)',
  'issue.county-inferred': 'Các địa chỉ không ghi huyện/thị; các quận chỉ có ở một huyện/thị cho thấy đó là',
  'issue.county-from-file':
    'Tên quận này có ở nhiều huyện/thị: đã chọn huyện/thị mà các địa chỉ khác trong tệp cho thấy',
  'issue.projected-file': 'Mọi tọa độ trong tệp là mét TM2 và đã được đổi sang vĩ độ/kinh độ (WGS84)',
  'reportClass.rejected': 'Không nhập',
  'reportClass.needs-location': 'Cần đặt vị trí',
  'reportClass.approximate': 'Vị trí gần đúng',
  'reportClass.fixed': 'Đã sửa rồi nhập',
  'reportClass.noted': 'Đã nhập, có ghi chú',
  'reportClass.imported': 'Nhập nguyên văn',
  'format.json': 'JSON (danh sách đối tượng)',
  'issue.binary-file':
    'Đây không phải tệp văn bản hay bảng tính (ví dụ ảnh hoặc tệp .shx của shapefile) nên không đọc được; không nhập gì',
  'issue.boundaries-file':
    'Đây là tệp ranh giới (đa giác) dùng cho phân tích phạm vi, không phải danh sách địa điểm; không nhập gì',
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
  'import.allRowsRejected':
    'Mọi dòng đều bị từ chối (ví dụ thiếu tên) nên không lưu gì. Lần sau hãy chọn một cột cho tên.',
  'import.nameProposed':
    'Không có cột nào mang tiêu đề tên; giá trị của “{column}” trông giống tên tổ chức nên tạm thời được chọn.',
};
