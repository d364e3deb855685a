import { zipSync, strToU8, Zip, ZipDeflate, unzipSync } from 'fflate';
import { inflateZip, zipEntries } from './src/domain/files/zip-archive.ts';
const z = zipSync({ 'a.txt': strToU8('hello'.repeat(1000)), 'b/c.kml': strToU8('<kml/>'), 'stored.bin': [new Uint8Array(100).fill(7), { level: 0 }], 'empty.txt': new Uint8Array(0) });
console.log(zipEntries(z).map(e => [e.name, e.method, e.storedLength]));
const m = inflateZip(z, () => true);
for (const [k, v] of m) console.log(k, v.length, JSON.stringify(unzipSync(z)[k]!.length));
// bomb 1 GiB zeros streaming
function bomb(size: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, d) => { if (err) throw err; parts.push(d); });
  const f = new ZipDeflate('doc.kml', { level: 9 });
  zip.add(f);
  const chunk = new Uint8Array(1 << 20);
  for (let i = 0; i < size / (1 << 20); i++) f.push(chunk, i === size / (1 << 20) - 1);
  zip.end();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0)); let at = 0; for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}
let t = performance.now();
const b = bomb(1 << 30);
console.log('bomb', b.length, 'built ms', (performance.now() - t).toFixed(0));
t = performance.now();
try { inflateZip(b, () => true, () => false); } catch (e) { console.log((e as Error).message, (performance.now() - t).toFixed(0), 'ms', process.memoryUsage().rss / 1e6); }
