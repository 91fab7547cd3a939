// TUIKit React 2.x (the classic @tencentcloud/chat line) bundled against Parley's SDK.
// The kit is unmodified: Tencent's SDK module name is aliased to @parley/sdk here.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  resolve: {
    alias: [
      // The SDK, as imported by the kit, its engine (@tencentcloud/chat-uikit-engine) and TUILogin (@tencentcloud/tui-core).
      { find: /^@tencentcloud\/chat$/, replacement: '@parley/sdk' },
      // Not chat: Tencent's call UI, which the kit imports to draw call messages (test-only stand-in).
      {
        find: /^@tencentcloud\/call-uikit-react$/,
        replacement: fileURLToPath(new URL('../stubs/call-uikit-react.js', import.meta.url)),
      },
    ],
    // The kit depends on react-dom 18 itself; one React (the app's 19) must serve the whole page.
    dedupe: ['react', 'react-dom'],
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 20_000, reportCompressedSize: false },
  logLevel: 'warn',
});
