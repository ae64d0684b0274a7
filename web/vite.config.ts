import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// In development the API listens on 3001; the browser still sees one origin (5173).
const apiTarget = 'http://127.0.0.1:3001';

export default defineConfig({
  plugins: [sveltekit()],
  // Packages' browser builds in unit specs (Svelte runs effects only in its client build).
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget },
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
  test: {
    // The web unit tier: pure modules and rune classes, no browser and no server. A DOM
    // environment makes Vitest compile them as the browser gets them, effects included.
    include: ['src/**/*.spec.ts'],
    environment: 'happy-dom',
  },
});
