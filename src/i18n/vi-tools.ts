import type { zhTools } from './zh-tools.ts';

/** Vietnamese strings of the tools every visitor sees on the first screen (the header's buttons, the import entry, export and print, the year slider, the QR code and the projector's legend), and the issue codes the load report names. */
export const viTools: Record<keyof typeof zhTools, string> = {
  'issue.projected-coordinates': 'Tọa độ là mét TM2 và đã được đổi sang vĩ độ/kinh độ (WGS84)',
  'issue.former-place-name':
    'Tên huyện hoặc thị trấn trước đợt sáp nhập 2010/2014 đã được đổi sang tên hiện nay (ví dụ 臺北縣板橋市 → 新北市板橋區)',
  'import.heading': 'Nhập dữ liệu',
  'import.hint':
    'Nhập CSV/TSV, Excel (XLSX), ODS, GeoJSON, KML/KMZ (Google My Maps) hoặc gói HSDS; có thể chọn nhiều tệp cùng lúc, hoặc kéo thả vào trang.',
  'import.pick': 'Chọn tệp để nhập',
  'import.pickerLabel': 'Tệp để nhập',
  'import.replacePickerLabel': 'Tệp để thay thế',
  'import.dropHere': 'Thả vào đây để nhập tệp',
  'import.failed': 'Không nhập được “{file}”: {reason}',
  'import.urlNotHttp': 'Liên kết phải bắt đầu bằng http:// hoặc https://',
  'import.limits':
    'Giới hạn tệp: {sizes}; tệp nén (XLSX, ODS, KMZ, HSDS) sau khi giải nén tổng cộng {inflated} (KMZ: theo giới hạn của KML), tối đa {entries} tệp; mỗi trang tính tối đa {rows} dòng, {columns} cột, tổng cộng {cells} ô; lồng nhau tối đa {depth} cấp.',
  'import.limitsSeparator': ', ',
  'import.limit.fileSize': 'tệp có dung lượng {size}, vượt giới hạn {limit} cho tệp {format}',
  'import.limit.fileSizeAny': 'tệp có dung lượng {size}, vượt dung lượng lớn nhất có thể nhập ({limit})',
  'import.limit.zipInflated': 'khi giải nén sẽ vượt giới hạn {limit}; đã dừng giải nén',
  'import.limit.zipEntries': 'tệp nén chứa {found} tệp, vượt giới hạn {limit} tệp',
  'import.limit.sheetRange':
    'trang tính “{sheet}” trải trên {rows} dòng × {columns} cột, vượt giới hạn (tối đa {limitRows} dòng, {limitColumns} cột, tổng cộng {limitCells} ô)',
  'import.limit.nestingDepth': '{format} lồng nhau sâu hơn giới hạn {limit} cấp',
  'import.limit.nothingImported': '. Không có dữ liệu nào được nhập.',
  'import.close': 'Đóng',
  'export.open': 'Xuất danh sách ({count})',
  'print.open': 'Xem bản in',
  'issue.address-phone-split': 'Ô địa chỉ có cả số điện thoại: đã chuyển sang ô điện thoại',
  'issue.place-from-position':
    'Địa chỉ không ghi huyện/thị hay thị trấn: đã lấy theo tọa độ (ranh giới của Bộ Nội vụ)',
  'issue.place-disagrees':
    'Huyện/thị hoặc thị trấn trong địa chỉ khác với nơi tọa độ nằm (ranh giới của Bộ Nội vụ)',
  'issue.county-inferred': 'Các địa chỉ không ghi huyện/thị; các quận chỉ có ở một huyện/thị cho thấy đó là',
  'issue.county-from-file':
    'Tên quận này có ở nhiều huyện/thị: đã chọn huyện/thị mà các địa chỉ khác trong tệp cho thấy',
  'issue.projected-file': 'Mọi tọa độ trong tệp là mét TM2 và đã được đổi sang vĩ độ/kinh độ (WGS84)',
  'issue.binary-file':
    'Đây không phải tệp văn bản hay bảng tính (ví dụ ảnh hoặc tệp .shx của shapefile) nên không đọc được; không nhập gì',
  'issue.boundaries-file':
    'Đây là tệp ranh giới (đa giác) dùng cho phân tích phạm vi, không phải danh sách địa điểm; không nhập gì',
  'import.allRowsRejected':
    'Mọi dòng đều bị từ chối (ví dụ thiếu tên) nên không lưu gì. Lần sau hãy chọn một cột cho tên.',
  'presentation.enter': 'Chế độ trình chiếu',
  'presentation.exit': 'Thoát trình chiếu',
  'legend.title': 'Chú giải',
  'legend.allAreas': 'Mọi khu vực',
  'legend.asOfYear': 'tính đến năm {year}',
  'legend.total': '{count} nơi',
  'legend.hidden': '(đang ẩn)',
  'legend.helpHint': 'Nhấn ? để xem phím tắt',
  'qr.show': 'Hiện mã QR',
  'qr.title': 'Quét để mở màn hình này trên điện thoại',
  'qr.instructions':
    'Quét mã QR hoặc gõ địa chỉ bên dưới để xem cùng bộ lọc, thị trấn và vùng bản đồ trên điện thoại.',
  'qr.imageLabel': 'Mã QR của màn hình hiện tại',
  'overlay.close': 'Đóng',
  'help.button': 'Phím tắt ?',
  'year.legend': 'Năm bắt đầu',
  'year.enable': 'Hiện theo năm bắt đầu',
  'year.asOf': 'Hiện tính đến',
  'year.value': 'Năm {year}',
  'year.withoutYear': '{count} nơi không ghi năm bắt đầu nên không hiện.',
  'snapshot.save': 'Lưu ảnh (PNG)',
  'snapshot.busy': 'Đang tạo ảnh…',
  'snapshot.failed': 'Không tạo được ảnh. Hãy thử lại.',
  'snapshot.fileName': 'ban-do-nguon-ho-tro',
  'snapshot.footer': 'Bản đồ nguồn hỗ trợ cộng đồng · tạo ngày {date}',
  'snapshot.search': 'tìm “{query}”',
  'workshop.toggle': 'Vẽ bản đồ chung',
  'analysis.toggle': 'Kiểm kê nơi hỗ trợ',
};
