import type { zhSafety } from './zh-safety.ts';

/** Indonesian strings of the safety measures. */
export const idSafety: Record<keyof typeof zhSafety, string> = {
  'issue.unrecognised-visibility':
    'Nilai visibilitas tidak dikenali: data dianggap internal dan tidak diterbitkan',
  'export.truncatedCells':
    'Sudah diunduh, tetapi {count} sel lebih panjang dari batas Excel 32.767 karakter: dipotong, diakhiri “…［已截斷 truncated］”. Pakai CSV atau ODS untuk teks lengkap.',
  'export.failed': 'Berkas tidak dapat dibuat: {reason}',
};
