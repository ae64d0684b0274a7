import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: {
    // Runes everywhere in our code; libraries decide for themselves.
    runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true),
  },
  kit: {
    // The API process imports build/handler.js and serves it on its own port.
    adapter: adapter({ out: 'build' }),
    // Every stylesheet a page needs goes inside its HTML (it is all under 20 KB): on a phone's
    // network each linked one would be another round trip before anything is painted.
    inlineStyleThreshold: 20 * 1024,
    // A nonce per rendered page for SvelteKit's scripts and app.html's one inline script:
    // no 'unsafe-inline' scripts. frame-ancestors, which only works as a header and
    // depends on FRAME_ANCESTORS at runtime, is added by hooks.server.ts.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self'],
        // Style attributes only (no <style> elements): Svelte renders `style:` directives
        // (a brand value's colour) and app.html's wrapper as attributes, which a nonce
        // cannot cover; an attribute can restyle its own element but not read the page.
        'style-src-attr': ['unsafe-inline'],
        // QR codes of TV screens are data: images.
        'img-src': ['self', 'data:'],
        // Same-origin fetches and the socket.io websocket (CSP3 'self' covers ws:/wss: of this host).
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
      },
    },
  },
};

export default config;
