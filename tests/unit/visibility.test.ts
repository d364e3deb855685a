import { describe, expect, it } from 'vitest';
import { recogniseHeader } from '../../src/domain/loading/column-mapping.ts';
import { isInternalVisibility, readVisibility } from '../../src/domain/model/visibility.ts';

describe('readVisibility: one reading for every format and type', () => {
  it.each([
    [true, 'public'],
    [1, 'public'],
    ['是', 'public'],
    ['公開', 'public'],
    [' Y ', 'public'],
    ['public', 'public'],
    ['TRUE', 'public'],
    [false, 'internal'],
    [0, 'internal'],
    ['否', 'internal'],
    ['非公開', 'internal'],
    ['不公開', 'internal'],
    ['內部', 'internal'],
    ['內部資料', 'internal'],
    ['N', 'internal'],
    ['ｎ', 'internal'],
    ['0', 'internal'],
    ['false', 'internal'],
    ['Internal', 'internal'],
    ['\u202E內部', 'internal'],
    [null, 'empty'],
    [undefined, 'empty'],
    ['  ', 'empty'],
    [2, 'unrecognised'],
    ['待確認', 'unrecognised'],
    [{}, 'unrecognised'],
    [['公開'], 'unrecognised'],
  ] as const)('%j → %s', (value, reading) => {
    expect(readVisibility(value)).toBe(reading);
    expect(isInternalVisibility(value)).toBe(reading === 'internal' || reading === 'unrecognised');
  });

  it.each(['公開', '是否公開', '公開狀態', 'visibility', 'Visibility', 'is_public'])(
    'the header %s names the visibility column',
    (header) => expect(recogniseHeader(header)).toBe('visibility'),
  );
});
