import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { wgs84ToProjected } from '../src/domain/geo/projections.ts';
import { createBig5Encoder } from './bench/big5-encoder.ts';

/** The data row (file line) that holds (0, 0): the last of the file, after 499 routine TWD97 rows. */
export const ZERO_ROW = 501;
export const ZERO_NAME = '座標歸零測試社區';

/**
 * A register as an office gets it (issue 17): 500 rows of the real Tainan building committees
 * (../shared/data/tainan-building-committees.geojson), their positions written as TWD97 TM2 metres, the whole
 * file in Big5, and row 501 with coordinates (0, 0). Every other row is routine: the one bad row must show.
 */
export function tainanTwd97Big5(): { name: string; bytes: Uint8Array } {
  const path = resolve(process.cwd(), '..', 'shared', 'data', 'tainan-building-committees.geojson');
  const data = JSON.parse(readFileSync(path, 'utf8')) as {
    features: { properties: Record<string, string>; geometry: { coordinates: [number, number] } }[];
  };
  const encode = createBig5Encoder();
  const lines = ['管理委員會,建築物地址,TWD97X,TWD97Y'];
  for (const feature of data.features) {
    if (lines.length === ZERO_ROW - 1) break;
    const name = feature.properties.管理委員會 ?? '';
    const address = feature.properties.建築物地址 ?? '';
    // Only rows Big5 can hold, and no commas to quote: a plain register.
    if (encode(`${name}${address}`).unencodable > 0 || /[",\r\n]/.test(`${name}${address}`)) continue;
    const [lng, lat] = feature.geometry.coordinates;
    const [x, y] = wgs84ToProjected(lng, lat, 'EPSG:3826');
    lines.push(`${name},${address},${x.toFixed(2)},${y.toFixed(2)}`);
  }
  lines.push(`${ZERO_NAME},安平區安平路1號,0,0`);
  const encoded = encode(`${lines.join('\r\n')}\r\n`);
  if (encoded.unencodable > 0) throw new Error('fixture not Big5-encodable');
  return { name: '臺南市大樓管委會-twd97-big5.csv', bytes: encoded.bytes };
}
