import type { zhDataLink } from './zh-data-link.ts';

/** Vietnamese strings of `?data=` links. */
export const viDataLink: Record<keyof typeof zhDataLink, string> = {
  'dataLink.confirmTitle': 'Tải dữ liệu từ liên kết này?',
  'dataLink.confirmHost': 'Liên kết này thêm dữ liệu từ {host} vào bản đồ.',
  'dataLink.confirmWarning':
    'Đây không phải dữ liệu chính thức: người tạo liên kết quyết định nội dung, bản đồ này không thể kiểm chứng. Dữ liệu có thể sai, hoặc mạo danh tên và số điện thoại của các cơ quan thật. Chỉ tải khi bạn tin tưởng nguồn này.',
  'dataLink.confirmUrl': 'Địa chỉ đầy đủ',
  'dataLink.confirmKeep': 'Nếu không tải, bản đồ chỉ hiển thị dữ liệu chính thức.',
  'dataLink.limit': 'Tệp tối đa {limit}.',
  'dataLink.decline': 'Không tải',
  'dataLink.accept': 'Tải dữ liệu này',
  'dataLink.banner': 'Bản đồ này có dữ liệu không chính thức từ {host}',
  'dataLink.bannerLabel': 'Dữ liệu không chính thức',
  'dataLink.remove': 'Xóa dữ liệu không chính thức',
  'dataLink.loading': 'Đang tải dữ liệu không chính thức từ {host}…',
  'dataLink.failed': 'Không thể tải dữ liệu của liên kết ({source}): {reason}',
  'dataLink.badge': 'Không chính thức · {host}',
  'dataLink.detailNote':
    'Mục này đến từ liên kết tới {host}. Đây không phải dữ liệu chính thức và chưa được kiểm chứng.',
  'dataLink.tooLarge': 'Tệp lớn hơn giới hạn {limit} cho dữ liệu từ liên kết; không có gì được tải',
  'dataLink.hasCredentials': 'Liên kết không được chứa tên người dùng hoặc mật khẩu',
  'dataLink.marker': ', dữ liệu không chính thức từ {host}',
  'dataLink.cluster': '{count} nơi, trong đó {linked} là dữ liệu không chính thức, nhấn để phóng to',
  'dataLink.legendLabel': 'Ký hiệu dữ liệu không chính thức',
  'dataLink.legendMarker': 'Viền nét đứt có dấu “!”: dữ liệu không chính thức từ {host}, chưa được kiểm tra',
  'dataLink.legendCluster': 'Vòng số viền nét đứt có dấu “!”: có dữ liệu không chính thức',
  'dataLink.exportNote':
    'Danh sách có {count} mục không chính thức từ {host}: tệp ghi rõ từng mục ở cột “{column}”, và tên tệp cũng ghi chú.',
  'dataLink.filePart': 'co du lieu khong chinh thuc',
};
