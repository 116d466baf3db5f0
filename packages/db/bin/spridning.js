#!/usr/bin/env node
// The operators' CLI runs from the built JavaScript (`pnpm --filter @spridning/db build`), so
// an installed copy needs neither tsx nor the TypeScript sources.
import "../dist/cli/main.js"
