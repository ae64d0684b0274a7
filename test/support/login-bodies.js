'use strict';
// Plain JavaScript (typed by login-bodies.d.ts), shared by body-bounds.int-spec and the bench.

const CREDENTIALS = '"email":"a@example.com","password":"not-the-password"';

/** A login body with `entries` members in all: the two credentials, then `"k0":0`, … */
function withEntries(entries) {
  const extra = Array.from({ length: entries - 2 }, (_, i) => `"k${i}":0`);
  return `{${CREDENTIALS},${extra.join(',')}}`;
}

/** A login body whose containers nest `depth` levels (the body itself is level 1). */
function nested(depth) {
  return `{${CREDENTIALS},"x":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
}

/** A login body of exactly `bytes` bytes. */
function sized(bytes) {
  const shell = '{"email":"a@example.com","password":""}';
  return shell.replace('""', `"${'p'.repeat(bytes - shell.length)}"`);
}

module.exports = { withEntries, nested, sized };
