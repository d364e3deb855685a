import { domToCanvas } from 'modern-screenshot';

/** One legend line of the snapshot. */
export interface SnapshotLegendItem {
  readonly symbolSvg: string;
  readonly label: string;
  readonly count: string;
}

/** What goes around the map in the picture. */
export interface SnapshotText {
  readonly title: string;
  readonly subtitle: string;
  readonly legendTitle: string;
  readonly legend: readonly SnapshotLegendItem[];
  readonly footer: readonly string[];
}

const TRANSPARENT_PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** Leaves out the zoom buttons, notices and tiles that never loaded (offline, blocked): the picture still works. */
function keep(node: Node): boolean {
  if (!(node instanceof Element)) return true;
  if (node.classList.contains('leaflet-control-container') || node.classList.contains('map-notice'))
    return false;
  if (node.classList.contains('leaflet-tile') && !node.classList.contains('leaflet-tile-loaded'))
    return false;
  return true;
}

/** Breaks a line (Chinese has no spaces: by character) so that each piece fits `maxWidth`. */
function wrapText(line: string, maxWidth: number, width: (text: string) => number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const ch of line) {
    if (current !== '' && width(current + ch) > maxWidth) {
      lines.push(current);
      current = ch.trim() === '' ? '' : ch;
    } else current += ch;
  }
  if (current !== '') lines.push(current);
  return lines;
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('image failed'));
    image.src = src;
  });
}

/**
 * The current map as a slide-ready PNG: title and subtitle above, the map (markers, clusters, any tiles that
 * loaded), a legend with symbols and counts beside it, and the footer lines (date, sample-data warning) below.
 */
export async function renderSnapshot(mapElement: HTMLElement, text: SnapshotText): Promise<Blob> {
  const map = await domToCanvas(mapElement, {
    filter: keep,
    backgroundColor: '#dfe7ec',
    scale: 1,
    fetch: { placeholderImage: TRANSPARENT_PIXEL },
    timeout: 10_000,
  });
  const font = getComputedStyle(document.body).fontFamily || 'sans-serif';
  const pad = 32;
  const titleHeight = 128;
  const legendWidth = 420;
  const lineHeight = 52;
  const measure = document.createElement('canvas').getContext('2d');
  if (measure) measure.font = `400 22px ${font}`;
  const legendHeight = 80 + lineHeight * text.legend.length;
  const width = map.width + legendWidth + pad * 3;
  const footerLines = text.footer.flatMap((line) =>
    measure ? wrapText(line, width - pad * 2, (t) => measure.measureText(t).width) : [line],
  );
  const footerHeight = 36 + 34 * footerLines.length;
  const height = titleHeight + Math.max(map.height, legendHeight) + footerHeight + pad;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#0b4f6c';
  ctx.fillRect(0, 0, width, titleHeight - 16);
  ctx.fillStyle = '#ffffff';
  ctx.textBaseline = 'alphabetic';
  ctx.font = `700 44px ${font}`;
  ctx.fillText(text.title, pad, 62);
  ctx.font = `400 26px ${font}`;
  ctx.fillText(text.subtitle, pad, 98);

  const top = titleHeight;
  ctx.drawImage(map, pad, top);
  ctx.strokeStyle = '#1a1a1a';
  ctx.lineWidth = 2;
  ctx.strokeRect(pad, top, map.width, map.height);

  const legendX = pad * 2 + map.width;
  ctx.fillStyle = '#1a1a1a';
  ctx.font = `700 32px ${font}`;
  ctx.fillText(text.legendTitle, legendX, top + 40);
  for (const [i, item] of text.legend.entries()) {
    const y = top + 80 + i * lineHeight;
    try {
      const symbol = await loadImage(
        `data:image/svg+xml;charset=utf-8,${encodeURIComponent(item.symbolSvg)}`,
      );
      ctx.drawImage(symbol, legendX, y, 36, 36);
    } catch {
      // A symbol that cannot be drawn leaves its label and count readable.
    }
    ctx.fillStyle = '#1a1a1a';
    ctx.font = `400 26px ${font}`;
    ctx.fillText(item.label, legendX + 48, y + 28, legendWidth - 140);
    ctx.font = `700 28px ${font}`;
    ctx.textAlign = 'right';
    ctx.fillText(item.count, legendX + legendWidth - pad / 2, y + 28);
    ctx.textAlign = 'left';
  }

  ctx.font = `400 22px ${font}`;
  ctx.fillStyle = '#333333';
  const footerTop = top + Math.max(map.height, legendHeight) + 40;
  for (const [i, line] of footerLines.entries()) ctx.fillText(line, pad, footerTop + i * 34);

  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}
