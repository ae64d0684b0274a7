'use strict';
// Plain JavaScript (typed by bravo-api.d.ts): the bench runs as `node bench/*.mjs` with no
// TypeScript, and shares these with the integration, e2e and browser specs.

/** One call to the API; the body is parsed when it is JSON. */
async function callApi(baseUrl, method, path, options = {}) {
  const headers = { ...options.headers };
  if (options.token) {
    headers.authorization = `Bearer ${options.token}`;
  }
  let body = options.rawBody;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/** A call that must succeed: the parsed body, or an error naming the call and the answer. */
async function okApi(baseUrl, method, path, options = {}) {
  const res = await callApi(baseUrl, method, path, options);
  if (res.status >= 300) {
    throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

/** Signs up a new organisation; resolves with its admin's session. */
function signUp(baseUrl, overrides = {}) {
  const unique = Math.random().toString(36).slice(2, 10);
  return okApi(baseUrl, 'POST', '/api/v1/auth/signup', {
    body: {
      organizationName: `Org ${unique}`,
      name: `Admin ${unique}`,
      email: `admin-${unique}@example.com`,
      password: 'correct-horse-battery',
      timezone: 'Europe/Paris',
      ...overrides,
    },
  });
}

/** Invites someone as the admin and accepts the invitation; resolves with their session. */
async function addMember(baseUrl, adminToken, invitation, password) {
  const invite = await okApi(baseUrl, 'POST', '/api/v1/invitations', {
    token: adminToken,
    body: invitation,
  });
  return okApi(baseUrl, 'POST', `/api/v1/invitations/${invite.token}/accept`, {
    body: { password },
  });
}

module.exports = { callApi, okApi, signUp, addMember };
