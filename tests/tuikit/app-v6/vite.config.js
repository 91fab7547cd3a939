// TUIKit React 6.x (the @tencentcloud/lite-chat line) bundled against Parley's SDK.
// The kit is unmodified: Tencent's SDK module names are aliased to @parley/sdk here.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  resolve: {
    alias: [
      // The SDK itself (the lite SDK's default export and its "basic" / "standard" / "professional" builds).
      { find: /^@tencentcloud\/lite-chat(\/basic|\/standard|\/professional)?$/, replacement: '@parley/sdk' },
      // The lite SDK's feature plugins: built into Parley's SDK, so all map to one marker that chat.use() accepts.
      { find: /^@tencentcloud\/lite-chat\/plugins\/.+$/, replacement: '@parley/sdk/lite-chat-plugin' },
      // Not chat: Tencent's room/live engine, imported by tuikit-atomicx-react's room components (test-only stand-in).
      {
        find: /^@tencentcloud\/tuiroom-engine-js$/,
        replacement: fileURLToPath(new URL('../stubs/tuiroom-engine-js.js', import.meta.url)),
      },
    ],
    dedupe: ['react', 'react-dom'],
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 20_000, reportCompressedSize: false },
  logLevel: 'warn',
});
