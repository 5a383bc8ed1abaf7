import { svelte } from "@sveltejs/vite-plugin-svelte";
import { svelteTesting } from "@testing-library/svelte/vite";
import { defineConfig } from "vitest/config";

// The desktop shell (Tauri) loads http://localhost:1420 while developing and
// ../ui/dist when built, so the port and the output folder are fixed.
export default defineConfig(({ mode }) => ({
  plugins: [svelte(), svelteTesting()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    fs: {
      // Tests read the dependencies wherever node_modules really is (it may be a
      // symlink, e.g. git worktrees sharing one install); Vitest's server is never exposed.
      strict: mode !== "test",
    },
  },
  preview: {
    port: 1420,
    strictPort: true,
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // WebKitGTK / WKWebView / WebView2 of current systems.
    target: ["es2022", "safari16", "chrome110"],
    sourcemap: false,
    assetsInlineLimit: 0,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
    setupFiles: ["src/test/setup.ts"],
    passWithNoTests: false,
    restoreMocks: true,
  },
}));
