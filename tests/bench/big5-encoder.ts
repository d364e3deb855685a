/**
 * A Big5 encoder for the benchmark. Node decodes Big5 but cannot encode it, so the table is built by
 * inverting TextDecoder('big5') over every two-byte code (standard Big5 leads 0xA1–0xF9 win over HKSCS).
 */
export function createBig5Encoder(): (text: string) => { bytes: Uint8Array; unencodable: number } {
  const decoder = new TextDecoder('big5');
  const table = new Map<number, number>();
  const leads = [...range(0xa1, 0xf9), ...range(0x81, 0xa0), ...range(0xfa, 0xfe)];
  const trails = [...range(0x40, 0x7e), ...range(0xa1, 0xfe)];
  for (const lead of leads) {
    for (const trail of trails) {
      const text = decoder.decode(new Uint8Array([lead, trail]));
      const code = text.codePointAt(0);
      if (code === undefined || code === 0xfffd || text.length !== 1 || table.has(code)) continue;
      table.set(code, (lead << 8) | trail);
    }
  }
  return (text) => {
    const bytes = new Uint8Array(text.length * 2);
    let length = 0;
    let unencodable = 0;
    for (const ch of text) {
      const code = ch.codePointAt(0) as number;
      if (code < 0x80) {
        bytes[length++] = code;
        continue;
      }
      const pair = table.get(code);
      if (pair === undefined) {
        bytes[length++] = 0x3f;
        unencodable++;
        continue;
      }
      bytes[length++] = pair >> 8;
      bytes[length++] = pair & 0xff;
    }
    return { bytes: bytes.subarray(0, length), unencodable };
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
