import type { Language } from "@spridning/core"
import type { Context } from "hono"
import { Hono } from "hono"
import { getCookie, setCookie } from "hono/cookie"

const cookieName = "sprak"

/** Swedish unless the reader chose English with the switch on every page. */
export const languageOf = (c: Context): Language => (getCookie(c, cookieName) === "en" ? "en" : "sv")

/**
 * Only a path on this site: a switch link must never send a reader elsewhere. Encoded again,
 * so no character in it can break the Location header.
 */
const safeReturnPath = (value: string | undefined): string =>
  value !== undefined && /^\/(?![/\\])[^\\]*$/.test(value) ? encodeURI(value) : "/"

/** `/sprak?till=en&tillbaka=/grupper/x`: a plain link, so the switch works without JavaScript. */
export const languageRoutes = () => {
  const app = new Hono()
  app.get("/sprak", (c) => {
    const to: Language = c.req.query("till") === "en" ? "en" : "sv"
    setCookie(c, cookieName, to, { path: "/", sameSite: "Lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 })
    return c.redirect(safeReturnPath(c.req.query("tillbaka")), 303)
  })
  return app
}

export const languageSwitchHref = (to: Language, returnPath: string) =>
  `/sprak?till=${to}&tillbaka=${encodeURIComponent(returnPath)}`
