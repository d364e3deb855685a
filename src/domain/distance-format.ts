/**
 * A distance as a person reads it, in the UI language: under 1 km in metres rounded to 10 m, under 10 km with one
 * decimal, beyond that in whole kilometres. e.g. 56 → "60 公尺" / "60 m"; 1234 → "1.2 公里" / "1.2 km".
 */
export function formatDistance(metres: number, locale: string): string {
  if (!Number.isFinite(metres) || metres < 0) return '';
  if (metres < 995) {
    const rounded = Math.max(10, Math.round(metres / 10) * 10);
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'meter', unitDisplay: 'short' }).format(
      rounded,
    );
  }
  const km = metres / 1000;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'kilometer',
    unitDisplay: 'short',
    maximumFractionDigits: km < 9.95 ? 1 : 0,
    minimumFractionDigits: km < 9.95 ? 1 : 0,
  }).format(km);
}
