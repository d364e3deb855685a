import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from '../../src/domain/model/safe-url.ts';

describe('safeHttpUrl', () => {
  it.each([
    { raw: 'https://www.cyhg.gov.tw/', url: 'https://www.cyhg.gov.tw/' },
    { raw: 'http://example.org/a?b=1#c', url: 'http://example.org/a?b=1#c' },
    { raw: '  HTTPS://Example.org  ', url: 'https://example.org/' },
    { raw: 'www.cyhg.gov.tw', url: 'https://www.cyhg.gov.tw/' },
    { raw: 'example.org/path?x=1', url: 'https://example.org/path?x=1' },
    { raw: 'example.org:8080/app', url: 'https://example.org:8080/app' },
    { raw: 'localhost:3000', url: null },
    { raw: '社會處.臺灣', url: new URL('https://社會處.臺灣').href },
    { raw: 'javascript:alert(1)', url: null },
    { raw: 'JavaScript:alert(1)', url: null },
    { raw: ' javascript:alert(1)', url: null },
    { raw: 'java\tscript:alert(1)', url: null },
    { raw: 'data:text/html,<script>alert(1)</script>', url: null },
    { raw: 'vbscript:msgbox', url: null },
    { raw: 'mailto:a@example.org', url: null },
    { raw: 'ftp://example.org', url: null },
    { raw: 'http://', url: null },
    { raw: '', url: null },
    { raw: '   ', url: null },
    { raw: '無', url: null },
    { raw: '暫無網站', url: null },
    { raw: '-', url: null },
    { raw: 'N/A', url: null },
    { raw: 'see facebook', url: null },
  ])('$raw → $url', ({ raw, url }) => {
    expect(safeHttpUrl(raw)).toBe(url);
  });
});
