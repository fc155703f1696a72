import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built once and served by both hosts: Electron loads dist/renderer/index.html
// from disk (hence the relative base), the browser host serves the same files over HTTP.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // No source maps: they would ship the renderer's source with the app (issue 11).
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // Two pages: the app, and the lean print entry PDF printing loads (only the documents, issue 12).
    rollupOptions: { input: { main: 'renderer/index.html', print: 'renderer/print.html' } },
  },
});
