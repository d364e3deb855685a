import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import {
  displayLink,
  participantLink,
  presentationFromSearch,
  presentationToSearch,
  viewStateFromSearch,
} from '../../src/domain/link/view-state.ts';

describe('presentation parameters in the URL', () => {
  it.each([
    ['', { present: false, year: null }],
    ['?present=1', { present: true, year: null }],
    ['?present=true&year=2022', { present: false, year: 2022 }],
    ['?year=22', { present: false, year: null }],
  ])('%s → %o', (search, params) => expect(presentationFromSearch(search)).toEqual(params));

  it('writes present and year, leaving the view parameters as they are', () => {
    const search =
      '?q=%E9%A4%90%E9%A3%9F&hide=friendly-shop&county=%E5%98%89%E7%BE%A9%E7%B8%A3&at=23.5,120.4,12&lang=en';
    const written = presentationToSearch({ present: true, year: 2021 }, search);
    expect(presentationFromSearch(written)).toEqual({ present: true, year: 2021 });
    expect(viewStateFromSearch(written)).toEqual(viewStateFromSearch(search));
    expect(new URLSearchParams(written).get('lang')).toBe('en');
    expect(
      new URLSearchParams(presentationToSearch({ present: false, year: null }, written)).toString(),
    ).toBe(new URLSearchParams(search).toString());
  });

  it('the participants’ link is the same view without presentation mode', () => {
    expect(participantLink('https://map.example.tw/?present=1&town=%E6%B0%91%E9%9B%84%E9%84%89#x')).toBe(
      'https://map.example.tw/?town=%E6%B0%91%E9%9B%84%E9%84%89',
    );
  });

  it('the link on screen is typeable: no scheme, Chinese as Chinese', () => {
    expect(displayLink('https://map.example.tw/app/?county=%E5%98%89%E7%BE%A9%E7%B8%A3&q=a+b')).toBe(
      'map.example.tw/app/?county=嘉義縣&q=a b',
    );
    expect(displayLink('http://x.tw/?q=%E0%A4%A')).toBe('x.tw/?q=%E0%A4%A');
  });
});

describe('a QR code of a long view link', () => {
  it('encodes every parameter and reads back exactly (qrcode → pixels → jsQR)', () => {
    const link = participantLink(
      'https://example.gov.tw/community-resource-map/?present=1&q=%E9%A4%90%E9%A3%9F+%E5%AE%89%E5%85%A8&hide=friendly-shop,after-school&svc=meals,child-safe-waiting&county=%E5%98%89%E7%BE%A9%E7%B8%A3&town=%E6%B0%91%E9%9B%84%E9%84%89&at=23.55612,120.44021,13&year=2023&lang=en',
    );
    const qr = QRCode.create(link, { errorCorrectionLevel: 'M' });
    const scale = 4;
    const margin = 4;
    const size = (qr.modules.size + margin * 2) * scale;
    const pixels = new Uint8ClampedArray(size * size * 4).fill(255);
    for (let y = 0; y < qr.modules.size; y++) {
      for (let x = 0; x < qr.modules.size; x++) {
        if (!qr.modules.get(y, x)) continue;
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) {
            const p = (((y + margin) * scale + dy) * size + (x + margin) * scale + dx) * 4;
            pixels.fill(0, p, p + 3);
          }
        }
      }
    }
    expect(jsQR(pixels, size, size)?.data).toBe(link);
    expect(link).not.toContain('present=');
  });
});
