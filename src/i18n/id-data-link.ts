import type { zhDataLink } from './zh-data-link.ts';

/** Indonesian strings of `?data=` links. */
export const idDataLink: Record<keyof typeof zhDataLink, string> = {
  'dataLink.confirmTitle': 'Muat data dari tautan ini?',
  'dataLink.confirmHost': 'Tautan ini menambahkan data dari {host} ke peta.',
  'dataLink.confirmWarning':
    'Ini bukan data resmi: pembuat tautan yang menentukan isinya, dan peta ini tidak dapat memeriksanya. Data bisa salah, atau memakai nama dan nomor telepon lembaga asli secara palsu. Muat hanya jika Anda memercayai sumbernya.',
  'dataLink.confirmUrl': 'Alamat lengkap',
  'dataLink.confirmKeep': 'Jika tidak dimuat, peta hanya menampilkan data resmi.',
  'dataLink.limit': 'Ukuran berkas paling besar {limit}.',
  'dataLink.decline': 'Jangan muat',
  'dataLink.accept': 'Muat data ini',
  'dataLink.banner': 'Peta ini memuat data tidak resmi dari {host}',
  'dataLink.bannerLabel': 'Data tidak resmi',
  'dataLink.remove': 'Hapus data tidak resmi',
  'dataLink.loading': 'Memuat data tidak resmi dari {host}…',
  'dataLink.failed': 'Data dari tautan tidak dapat dimuat ({source}): {reason}',
  'dataLink.badge': 'Tidak resmi · {host}',
  'dataLink.detailNote': 'Data ini berasal dari tautan ke {host}. Ini bukan data resmi dan belum diperiksa.',
  'dataLink.tooLarge': 'Berkas melebihi batas {limit} untuk data dari tautan; tidak ada yang dimuat',
  'dataLink.hasCredentials': 'Tautan tidak boleh berisi nama pengguna atau kata sandi',
  'dataLink.marker': ', data tidak resmi dari {host}',
  'dataLink.cluster': '{count} tempat, {linked} di antaranya data tidak resmi, klik untuk memperbesar',
  'dataLink.legendLabel': 'Penanda data tidak resmi',
  'dataLink.legendMarker': 'Garis putus-putus dengan “!”: data tidak resmi dari {host}, belum diperiksa',
  'dataLink.legendCluster': 'Lingkaran angka bergaris putus-putus dengan “!”: berisi data tidak resmi',
  'dataLink.exportNote':
    'Daftar ini berisi {count} data tidak resmi dari {host}: berkas menandai masing-masing di kolom “{column}”, dan namanya juga menyebutkannya.',
  'dataLink.filePart': 'berisi data tidak resmi',
};
