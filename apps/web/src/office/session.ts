import { randomBytes, timingSafeEqual } from "node:crypto"
import type { Context } from "hono"
import { deleteCookie, getCookie, setCookie } from "hono/cookie"

/** The session cookie: HttpOnly (no script reads it), SameSite=Lax, only under `/kansli`. */
export const sessionCookie = "kansli_session"
/** Before sign-in there is no session to tie a form to, so its token is also kept in a cookie. */
const formCookie = "kansli_form"

const secure = (c: Context) => new URL(c.req.url).protocol === "https:"

export const setSessionCookie = (c: Context, sessionId: string, expiresAt: Date) =>
  setCookie(c, sessionCookie, sessionId, {
    path: "/kansli",
    httpOnly: true,
    sameSite: "Lax",
    secure: secure(c),
    expires: expiresAt,
  })

export const clearSessionCookie = (c: Context) => deleteCookie(c, sessionCookie, { path: "/kansli" })

export const sessionIdOf = (c: Context): string | undefined => getCookie(c, sessionCookie)

const sameToken = (expected: string, given: string): boolean => {
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b)
}

/** The `csrf` field of a posted form, or undefined when absent. */
export const postedToken = async (c: Context): Promise<string | undefined> => {
  const body = await c.req.parseBody()
  const token = body.csrf
  return typeof token === "string" ? token : undefined
}

/** Whether a posted form carries the session's token. */
export const csrfMatches = (expected: string, given: string | undefined): boolean =>
  given !== undefined && sameToken(expected, given)

/**
 * A token for a form shown before sign-in (asking for a link, using one): the same random
 * value in an HttpOnly cookie and in the form, so another site cannot post it for the reader.
 */
export const issueFormToken = (c: Context): string => {
  const existing = getCookie(c, formCookie)
  const token =
    existing !== undefined && existing.length >= 32 ? existing : randomBytes(32).toString("base64url")
  setCookie(c, formCookie, token, { path: "/kansli", httpOnly: true, sameSite: "Lax", secure: secure(c) })
  return token
}

export const formTokenMatches = (c: Context, given: string | undefined): boolean => {
  const expected = getCookie(c, formCookie)
  return expected !== undefined && csrfMatches(expected, given)
}
