type Unit = 'meter' | 'kilometer';

// Formatters are made once per locale and shape: making one costs far more than formatting with it, and the
// nearby list formats a distance per row.
const formats = new Map<string, Intl.NumberFormat>();

function unitFormat(locale: string, unit: Unit, fractionDigits?: number): Intl.NumberFormat {
  const key = `${locale}|${unit}|${fractionDigits ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      ...(fractionDigits === undefined
        ? {}
        : { maximumFractionDigits: fractionDigits, minimumFractionDigits: fractionDigits }),
    });
    formats.set(key, format);
  }
  return format;
}

/**
 * A distance as a person reads it, in the UI language: under 1 km in metres rounded to 10 m, under 10 km with one
 * decimal, beyond that in whole kilometres. e.g. 56 → "60 公尺" / "60 m"; 1234 → "1.2 公里" / "1.2 km".
 */
export function formatDistance(metres: number, locale: string): string {
  if (!Number.isFinite(metres) || metres < 0) return '';
  if (metres < 995) return unitFormat(locale, 'meter').format(Math.max(10, Math.round(metres / 10) * 10));
  const km = metres / 1000;
  return unitFormat(locale, 'kilometer', km < 9.95 ? 1 : 0).format(km);
}

/**
 * An honest distance to a record placed at its township's centre: never metres. The same township (the person
 * chose it, or stands within 500 m of its centre) says so; otherwise whole kilometres, at least 1.
 * e.g. 12,345 m → { kind: 'km', km: 12 }; 300 m → { kind: 'same-town' }.
 */
export function townCentreDistance(
  metres: number,
  sameTown: boolean,
): { readonly kind: 'same-town' } | { readonly kind: 'km'; readonly km: number } {
  if (sameTown || metres < 500) return { kind: 'same-town' };
  return { kind: 'km', km: Math.max(1, Math.round(metres / 1000)) };
}
