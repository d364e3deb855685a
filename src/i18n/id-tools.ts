import type { zhTools } from './zh-tools.ts';

/** Indonesian strings of the tools every visitor sees on the first screen (the header's buttons, the import entry, export and print, the year slider, the QR code and the projector's legend), and the issue codes the load report names. */
export const idTools: Record<keyof typeof zhTools, string> = {
  'issue.projected-coordinates': 'Koordinat dalam meter TM2 dan sudah diubah ke lintang/bujur (WGS84)',
  'issue.former-place-name':
    'Nama kabupaten atau kecamatan dari sebelum penggabungan 2010/2014 diganti dengan nama sekarang (misalnya 臺北縣板橋市 → 新北市板橋區)',
  'import.heading': 'Impor data',
  'import.hint':
    'Impor CSV/TSV, Excel (XLSX), ODS, GeoJSON, KML/KMZ (Google My Maps) atau paket HSDS; pilih beberapa berkas sekaligus, atau tarik ke halaman ini.',
  'import.pick': 'Pilih berkas untuk diimpor',
  'import.pickerLabel': 'Berkas untuk diimpor',
  'import.replacePickerLabel': 'Berkas pengganti',
  'import.dropHere': 'Lepaskan untuk mengimpor berkas',
  'import.failed': 'Tidak bisa mengimpor “{file}”: {reason}',
  'import.urlNotHttp': 'Tautan harus diawali http:// atau https://',
  'import.limits':
    'Batas berkas: {sizes}; arsip (XLSX, ODS, KMZ, HSDS) setelah diekstrak total {inflated} (KMZ: mengikuti batas KML), paling banyak {entries} berkas; setiap lembar kerja paling banyak {rows} baris, {columns} kolom, total {cells} sel; paling banyak {depth} tingkat bersarang.',
  'import.limitsSeparator': ', ',
  'import.limit.fileSize': 'ukuran berkas {size}, melebihi batas {limit} untuk berkas {format}',
  'import.limit.fileSizeAny': 'ukuran berkas {size}, melebihi ukuran terbesar yang dapat diimpor ({limit})',
  'import.limit.zipInflated': 'setelah diekstrak akan melebihi batas {limit}; ekstraksi dihentikan',
  'import.limit.zipEntries': 'arsip berisi {found} berkas, melebihi batas {limit} berkas',
  'import.limit.sheetRange':
    'lembar kerja “{sheet}” mencakup {rows} baris × {columns} kolom, melebihi batas (paling banyak {limitRows} baris, {limitColumns} kolom, total {limitCells} sel)',
  'import.limit.nestingDepth': '{format} bersarang lebih dalam dari batas {limit} tingkat',
  'import.limit.nothingImported': '. Tidak ada data yang diimpor.',
  'import.close': 'Tutup',
  'export.open': 'Ekspor daftar ({count})',
  'print.open': 'Tampilan cetak',
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
  'issue.binary-file':
    'Ini bukan berkas teks atau lembar kerja (mis. gambar atau .shx dari shapefile) dan tidak bisa dibaca; tidak ada yang diimpor',
  'issue.boundaries-file':
    'Ini berkas batas wilayah (poligon) untuk analisis cakupan, bukan daftar tempat; tidak ada yang diimpor',
  'import.allRowsRejected':
    'Semua baris ditolak (mis. tanpa nama), jadi tidak ada yang disimpan. Lain kali pilih kolom untuk nama.',
  'presentation.enter': 'Mode presentasi',
  'presentation.exit': 'Keluar dari presentasi',
  'legend.title': 'Keterangan peta',
  'legend.allAreas': 'Semua wilayah',
  'legend.asOfYear': 'per tahun {year}',
  'legend.total': '{count} tempat',
  'legend.hidden': '(disembunyikan)',
  'legend.helpHint': 'Tekan ? untuk pintasan papan ketik',
  'qr.show': 'Tampilkan kode QR',
  'qr.title': 'Pindai untuk membuka tampilan ini di ponsel',
  'qr.instructions':
    'Pindai kode QR atau ketik alamat di bawah untuk melihat filter, kecamatan, dan bagian peta yang sama di ponsel Anda.',
  'qr.imageLabel': 'Kode QR tampilan saat ini',
  'overlay.close': 'Tutup',
  'help.button': 'Pintasan ?',
  'year.legend': 'Tahun mulai',
  'year.enable': 'Tampilkan menurut tahun mulai',
  'year.asOf': 'Tampilkan per',
  'year.value': 'Tahun {year}',
  'year.withoutYear': '{count} data tidak menyebut tahun mulai dan tidak ditampilkan.',
  'snapshot.save': 'Simpan gambar (PNG)',
  'snapshot.busy': 'Membuat gambar…',
  'snapshot.failed': 'Gambar tidak dapat dibuat. Silakan coba lagi.',
  'snapshot.fileName': 'peta-sumber-bantuan',
  'snapshot.footer': 'Peta Sumber Bantuan Komunitas · dibuat {date}',
  'snapshot.search': 'cari “{query}”',
  'workshop.toggle': 'Pemetaan bersama',
  'analysis.toggle': 'Inventaris sumber bantuan',
};
