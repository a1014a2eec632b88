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
  },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
  },
});
