import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Property suites generate hundreds of networks; on a busy 2-core CI machine they take
    // longer than vitest's 5 s default. Speed is measured by the benchmarks, not here.
    testTimeout: 60_000,
  },
})
