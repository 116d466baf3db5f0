import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each test starts real server processes; on a busy 2-core CI machine one start has taken 70 s.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
})
