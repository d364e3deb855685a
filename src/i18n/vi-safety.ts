import type { zhSafety } from './zh-safety.ts';

/** Vietnamese strings of the safety measures. */
export const viSafety: Record<keyof typeof zhSafety, string> = {
  'issue.unrecognised-visibility':
    'Không nhận ra giá trị công khai: bản ghi được coi là nội bộ và không được công bố',
  'export.truncatedCells':
    'Đã tải xuống, nhưng {count} ô dài hơn giới hạn 32.767 ký tự của Excel: đã bị cắt, kết thúc bằng “…［已截斷 truncated］”. Hãy dùng CSV hoặc ODS để có đủ nội dung.',
  'export.failed': 'Không tạo được tệp: {reason}',
  'version.partFailedTitle': 'Không tải được phần này',
  'version.reloadForNew': 'Vui lòng tải lại trang để nhận phiên bản mới',
  'version.reload': 'Tải lại',
  'version.retry': 'Thử lại',
  'version.close': 'Đóng',
  'version.ready': 'Đã có phiên bản mới: tải lại trang để cập nhật.',
};
