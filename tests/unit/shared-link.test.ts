import { describe, expect, it } from 'vitest';
import { parseSharedLink, withoutSharedLink } from '../../src/domain/link/shared-link.ts';

const token = `${'A'.repeat(40)}_-9`;

describe('a shared map link in the fragment', () => {
  it.each([
    [`#shared=org%2Fassoc-a&token=${token}`, { document: 'org/assoc-a', token }],
    [`#shared=county/chiayi&token=${token}`, { document: 'county/chiayi', token }],
    [`#token=${token}&shared=org%2Fa`, { document: 'org/a', token }],
    ['#shared=org%2Fa&token=short', null],
    [`#shared=secret%2Fx&token=${token}`, null],
    [`#shared=org%2FA&token=${token}`, null],
    ['', null],
  ])('%s', (hash, expected) => {
    expect(parseSharedLink(hash)).toEqual(expected);
  });

  it('the address bar keeps the rest of the fragment, without the token', () => {
    expect(withoutSharedLink(`#shared=org%2Fa&token=${token}`)).toBe('');
    expect(withoutSharedLink(`#x=1&shared=org%2Fa&token=${token}`)).toBe('#x=1');
  });
});
