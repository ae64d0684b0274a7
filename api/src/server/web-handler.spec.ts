import { isApiPath } from './web-handler';

describe('isApiPath', () => {
  it.each([
    ['/api/v1/me', true],
    ['/api/health', true],
    ['/api', true],
    ['/socket.io/?EIO=4', true],
    ['/apiary', false],
    ['/', false],
    ['/admin/members', false],
    [undefined, false],
  ])('%s → %s', (url, expected) => {
    expect(isApiPath(url)).toBe(expected);
  });
});
