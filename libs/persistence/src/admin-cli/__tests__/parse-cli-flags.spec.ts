import { parseCliFlags } from '../admin-cli';

describe('parseCliFlags', () => {
  it('reads --name value and --name=value', () => {
    expect(parseCliFlags(['--store', 'Burger God', '--currency=IDR'])).toEqual({ store: 'Burger God', currency: 'IDR' });
  });

  it('gives a trailing flag without a value the empty string', () => {
    expect(parseCliFlags(['--key-prefix'])).toEqual({ 'key-prefix': '' });
  });

  it('names an argument that is not a flag', () => {
    expect(() => parseCliFlags(['revoke', '--id', '7'])).toThrow("unexpected argument 'revoke'");
  });
});
