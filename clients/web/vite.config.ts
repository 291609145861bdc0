import { defineConfig } from "vite";

// Built into dist/, served by cakapd at / (--web-root). Relative asset paths, so the
// console also works behind a reverse proxy under a sub-path.
export default defineConfig({
  base: "./",
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800 },
  server: {
    // `npx vite` during development: the API is cakapd's HTTP port.
    proxy: { "/cakap.v1.": process.env.CAKAP_HTTP ?? "http://127.0.0.1:7880" },
  },
});
