import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The build lands in the dashboard-api jar (target/classes/webroot), served at / by the API itself,
// so the deployed service needs nothing from outside. `npm run dev` proxies /api to a running API.
const apiTarget = process.env.PARKPULSE_API_URL || 'http://127.0.0.1:8082';

export default defineConfig({
  base: '/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: fileURLToPath(new URL('../../../target/classes/webroot', import.meta.url)),
    emptyOutDir: true,
    // ECharts alone is ~500 kB minified even tree-shaken; it gets its own chunk.
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      output: { manualChunks: { echarts: ['echarts/core', 'echarts/charts', 'echarts/components', 'echarts/renderers'] } },
    },
  },
  server: {
    port: 5173,
    // SSE passes through unbuffered: the proxy streams the response as it arrives.
    proxy: { '/api': { target: apiTarget, changeOrigin: true } },
  },
  test: { environment: 'node', include: ['test/**/*.test.js'] },
});
