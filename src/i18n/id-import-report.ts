import type { zhImportReport } from './zh-import-report.ts';

/** Indonesian strings of the import's own findings. */
export const idImportReport: Record<keyof typeof zhImportReport, string> = {
  'reportClass.rejected': 'Tidak diimpor',
  'reportClass.needs-location': 'Perlu lokasi',
  'reportClass.approximate': 'Lokasi perkiraan',
  'reportClass.fixed': 'Diubah, lalu diimpor',
  'reportClass.noted': 'Diimpor, dengan catatan',
  'reportClass.imported': 'Diimpor apa adanya',
  'format.json': 'JSON (daftar objek)',
  'import.notAList.boundaries':
    'Berkas ini berisi batas wilayah (poligon), bukan daftar tempat: untuk analisis cakupan.',
  'import.notAList.statistics':
    'Berkas ini tampak seperti tabel statistik (angka per wilayah), bukan daftar tempat: tanpa kolom nama, tidak ada baris yang diimpor. Jika memang daftar, pilih kolom untuk nama.',
  'import.toCoverage': 'Pakai untuk analisis cakupan',
  'importReport.fileChanges': 'Diterapkan pada seluruh berkas',
  'importReport.encoding': 'Pengodean teks: {encoding} (diubah ke Unicode)',
  'importReport.filterLabel': 'Saring menurut hasil',
  'importReport.filterAll': 'Semua',
  'importReport.chip': '{outcome} ({count})',
  'importReport.page': 'Baris {from}–{to} dari {count}',
  'importReport.previous': 'Halaman sebelumnya',
  'importReport.next': 'Halaman berikutnya',
  'importReport.none': 'Tidak ada baris dengan hasil ini.',
  'import.countyGuess': 'Alamat di berkas ini tidak menyebut kabupaten/kota; tampaknya {county}.',
  'import.countyGuessConfirm': 'Ya, ini {county}',
  'import.allRejected':
    'Dengan kolom ini, tidak ada baris yang akan diimpor: {reason}. Pilih kolom untuk nama agar impor bisa dimulai.',
  'import.nameProposed':
    'Tidak ada kolom berjudul nama; isi “{column}” tampak seperti nama organisasi, jadi kolom itu dipilih sementara.',
};
