import type { zhSafety } from './zh-safety.ts';

/** Indonesian strings of the safety measures. */
export const idSafety: Record<keyof typeof zhSafety, string> = {
  'issue.unrecognised-visibility':
    'Nilai visibilitas tidak dikenali: data dianggap internal dan tidak diterbitkan',
  'export.truncatedCells':
    'Sudah diunduh, tetapi {count} sel lebih panjang dari batas Excel 32.767 karakter: dipotong, diakhiri “…［已截斷 truncated］”. Pakai CSV atau ODS untuk teks lengkap.',
  'export.failed': 'Berkas tidak dapat dibuat: {reason}',
  'version.partFailedTitle': 'Bagian ini tidak dapat dimuat',
  'version.reloadForNew': 'Muat ulang halaman untuk mendapatkan versi baru',
  'version.reload': 'Muat ulang',
  'version.retry': 'Coba lagi',
  'version.close': 'Tutup',
  'version.ready': 'Versi baru sudah tersedia: muat ulang untuk memperbarui.',
};
