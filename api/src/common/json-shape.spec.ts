import { jsonShapeExcess } from './json-shape';

describe('jsonShapeExcess', () => {
  const limits = { keys: 4, depth: 3 };

  it.each([
    ['a scalar', 'text', null],
    ['an empty object', {}, null],
    ['members and items up to the key limit', { a: 1, b: [2, 3] }, null],
    ['one key too many, counted across levels', { a: 1, b: [2, 3, 4] }, 'keys'],
    ['containers up to the depth limit', { a: [{}] }, null],
    ['one level too deep', { a: [{ b: [] }] }, 'depth'],
    ['an empty array one level too deep', [[[[]]]], 'depth'],
  ])('%s', (_label, value, expected) => {
    expect(jsonShapeExcess(value, limits)).toBe(expected);
  });

  it('walks 100k levels without overflowing the call stack', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) {
      deep = [deep];
    }
    expect(jsonShapeExcess(deep, { keys: 1e6, depth: 1e6 })).toBeNull();
    expect(jsonShapeExcess(deep, { keys: 1e6, depth: 8 })).toBe('depth');
  });
});
