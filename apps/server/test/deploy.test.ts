import { readFileSync } from "node:fs"
import { expect, it } from "vitest"
import { parse } from "yaml"

const root = new URL("../../../", import.meta.url)
const read = (file: string) => readFileSync(new URL(file, root), "utf8")

interface Service {
  readonly image?: string
  readonly build?: string
  readonly environment?: Record<string, string>
  readonly ports?: ReadonlyArray<string>
  readonly depends_on?: Record<string, { condition: string }>
  readonly healthcheck?: { test: ReadonlyArray<string> }
}

it("compose.yaml runs PostgreSQL, two app instances on it and Mailpit that catches their mail", () => {
  const compose = parse(read("compose.yaml"), { merge: true }) as { services: Record<string, Service> }
  expect(Object.keys(compose.services).sort()).toEqual(["app-1", "app-2", "db", "mailpit"])
  const { db, mailpit } = compose.services
  expect(db?.image).toBe("postgres:16-alpine")
  expect(db?.healthcheck?.test).toEqual(["CMD-SHELL", "pg_isready -U spridning -d spridning"])
  expect(mailpit?.ports).toEqual(["8025:8025"])
  for (const [name, port] of [
    ["app-1", "3000:3000"],
    ["app-2", "3001:3000"],
  ] as const) {
    const app = compose.services[name]
    expect(app?.build).toBe(".")
    expect(app?.ports).toEqual([port])
    expect(app?.depends_on).toEqual({
      db: { condition: "service_healthy" },
      mailpit: { condition: "service_started" },
    })
    expect(app?.environment).toMatchObject({
      DATABASE_URL: "postgres://spridning:spridning@db:5432/spridning",
      SPRIDNING_SMTP_URL: "smtp://mailpit:1025",
      // Compose substitutes the variable, with this default.
      SPRIDNING_LINK_SECRET: ["$", "{SPRIDNING_LINK_SECRET:-change-me-to-a-long-random-string}"].join(""),
    })
  }
})

it("the Dockerfile builds in a separate stage and runs only production dependencies as a non-root user, checked on /readyz", () => {
  const dockerfile = read("Dockerfile")
  expect(dockerfile.match(/^FROM /gm)?.length).toBe(2)
  expect(dockerfile).toContain("pnpm --filter @spridning/server deploy --prod --legacy /out")
  expect(dockerfile).toMatch(/^USER node$/m)
  expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*\/readyz/m)
  expect(dockerfile).toMatch(/^CMD \["node", "dist\/main.js"\]$/m)
  expect(read(".dockerignore").split("\n")).toEqual(
    expect.arrayContaining(["**/node_modules", ".env", ".data"]),
  )
})

it("is licensed under the EUPL-1.2, and says so", () => {
  expect(read("LICENSE").split("\n")[0]).toBe("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
  expect(JSON.parse(read("package.json")).license).toBe("EUPL-1.2")
  expect(read("README.md")).toContain("[European Union Public Licence v. 1.2](LICENSE) (EUPL-1.2)")
})
