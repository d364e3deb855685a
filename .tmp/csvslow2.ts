import Papa from 'papaparse';
import { detectDelimiter } from '/work/wt-import/src/domain/loading/parse-csv.ts';
const arr = Array.from({length: 3000}, (_, i) => ({Name: `健保藥局${i}`, Address: `臺北市大安區和平東路${i}號`, Tel: '(02)27001234', Lat: 25.02 + i/1e5, Lng: 121.53}));
const text = JSON.stringify(arr);
for (const kb of [32, 64, 128]) { const t = text.slice(0, kb*1024);
 let s = performance.now(); detectDelimiter(t); const d = performance.now()-s;
 s = performance.now(); const r = Papa.parse(t, {delimiter: ','}); const p = performance.now()-s;
 s = performance.now(); const r2 = Papa.parse(t, {delimiter: ',', preview: 1}); const p2 = performance.now()-s;
 console.log(kb, Math.round(d), Math.round(p), Math.round(p2), r.errors.length, r.errors.slice(0,3)); }
