import type { zhImportReport } from './zh-import-report.ts';

/** Indonesian strings of the import's own findings. */
export const idImportReport: Record<keyof typeof zhImportReport, string> = {
  'issue.address-phone-split': 'Sel alamat juga berisi nomor telepon: dipindahkan ke kolom telepon',
  'issue.place-from-position':
    'Alamat tidak menyebut kabupaten/kota atau kecamatan: diambil dari posisi (batas wilayah Kementerian Dalam Negeri)',
  'issue.place-disagrees':
    'Kabupaten/kota atau kecamatan di alamat berbeda dengan letak posisi (batas wilayah Kementerian Dalam Negeri)',
  'issue.county-inferred':
    'Alamat tidak menyebut kabupaten/kota; distrik yang hanya ada di satu kabupaten/kota menunjuk ke',
  'issue.county-from-file':
    'Nama distrik ini ada di beberapa kabupaten/kota: dipakai kabupaten/kota yang ditunjuk alamat lain di berkas',
  'issue.projected-file':
    'Semua koordinat di berkas berupa meter TM2 dan sudah diubah ke lintang/bujur (WGS84)',
  'reportClass.rejected': 'Tidak diimpor',
  'reportClass.needs-location': 'Perlu lokasi',
  'reportClass.approximate': 'Lokasi perkiraan',
  'reportClass.fixed': 'Diubah, lalu diimpor',
  'reportClass.noted': 'Diimpor, dengan catatan',
  'reportClass.imported': 'Diimpor apa adanya',
  'format.json': 'JSON (daftar objek)',
  'issue.binary-file':
    'Ini bukan berkas teks atau lembar kerja (mis. gambar atau .shx dari shapefile) dan tidak bisa dibaca; tidak ada yang diimpor',
  'issue.boundaries-file':
    'Ini berkas batas wilayah (poligon) untuk analisis cakupan, bukan daftar tempat; tidak ada yang diimpor',
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
  'import.allRowsRejected':
    'Semua baris ditolak (mis. tanpa nama), jadi tidak ada yang disimpan. Lain kali pilih kolom untuk nama.',
  'import.nameProposed':
    'Tidak ada kolom berjudul nama; isi “{column}” tampak seperti nama organisasi, jadi kolom itu dipilih sementara.',
};
