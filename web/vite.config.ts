import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// In development the API listens on 3001; the browser still sees one origin (5173).
const apiTarget = 'http://127.0.0.1:3001';

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget },
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
});
