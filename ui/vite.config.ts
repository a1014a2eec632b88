import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The UI is served by Tauri's asset protocol in builds and by this dev server in `tauri dev`.
export default defineConfig({
  plugins: [react()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "safari15",
    chunkSizeWarningLimit: 1500,
    // dist/.vite/manifest.json: which chunks the entry loads at once and which on first use, read
    // by scripts/bundle-size.mjs and the bench to check what loads before sign-in.
    manifest: true,
  },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
  },
});
