import { randomBytes } from "node:crypto"
import { PersonId, type StoreError } from "@spridning/core"
import { and, eq, gt, isNull } from "drizzle-orm"
import { Context, Effect, Layer } from "effect"
import { Database } from "../database/database.js"
import { referenceTo } from "../database/ids.js"
import { nowOr } from "../database/raw.js"
import { officeSessions, officeSignInLinks } from "../schema/index.js"
import { hashToken } from "./access.js"

/** How long a mailed sign-in link works. */
export const signInLinkLifetimeMillis = 15 * 60_000
/** How long a session lasts without signing in again (a working day). */
export const officeSessionLifetimeMillis = 12 * 60 * 60_000

export interface OfficeSession {
  readonly personId: PersonId
  readonly csrfToken: string
  readonly expiresAt: Date
}

const secret = () => randomBytes(32).toString("base64url")

/** The office's sign-in: one-time links and sessions, both kept only as hashes. */
export class OfficeSignIn extends Context.Service<
  OfficeSignIn,
  {
    /** A new link's secret for `personId` (shown once, in the mail), working for 15 minutes. */
    readonly issueLink: (personId: string, now?: Date) => Effect.Effect<string, StoreError>
    /** Uses a link: the person it was for, or undefined when it is unknown, used or expired. */
    readonly redeemLink: (token: string, now?: Date) => Effect.Effect<PersonId | undefined, StoreError>
    /** A new session; `sessionId` goes in the cookie and is never stored. */
    readonly startSession: (
      personId: string,
      now?: Date,
    ) => Effect.Effect<{ readonly sessionId: string; readonly session: OfficeSession }, StoreError>
    /** The session a cookie's id belongs to, unless unknown or expired. */
    readonly session: (sessionId: string, now?: Date) => Effect.Effect<OfficeSession | undefined, StoreError>
    readonly endSession: (sessionId: string) => Effect.Effect<void, StoreError>
  }
>()("spridning/db/OfficeSignIn") {}

export const layerOfficeSignIn: Layer.Layer<OfficeSignIn, never, Database> = Layer.effect(
  OfficeSignIn,
  Effect.gen(function* () {
    const database = yield* Database
    return OfficeSignIn.of({
      issueLink: (personId, now) =>
        Effect.flatMap(nowOr(now), (at) =>
          database.run("issue office sign-in link", async (db) => {
            const token = secret()
            await db.insert(officeSignInLinks).values({
              tokenHash: hashToken(token),
              personId: referenceTo("person", PersonId, personId),
              createdAt: at,
              expiresAt: new Date(at.getTime() + signInLinkLifetimeMillis),
            })
            return token
          }),
        ),
      redeemLink: (token, now) =>
        Effect.flatMap(nowOr(now), (at) =>
          database.run("redeem office sign-in link", async (db) => {
            // One conditional update: two clicks at once cannot both use the link.
            const [row] = await db
              .update(officeSignInLinks)
              .set({ usedAt: at })
              .where(
                and(
                  eq(officeSignInLinks.tokenHash, hashToken(token)),
                  isNull(officeSignInLinks.usedAt),
                  gt(officeSignInLinks.expiresAt, at),
                ),
              )
              .returning({ personId: officeSignInLinks.personId })
            return row?.personId
          }),
        ),
      startSession: (personId, now) =>
        Effect.flatMap(nowOr(now), (at) =>
          database.run("start office session", async (db) => {
            const sessionId = secret()
            const session: OfficeSession = {
              personId: referenceTo("person", PersonId, personId),
              csrfToken: secret(),
              expiresAt: new Date(at.getTime() + officeSessionLifetimeMillis),
            }
            await db
              .insert(officeSessions)
              .values({ idHash: hashToken(sessionId), createdAt: at, ...session })
            return { sessionId, session }
          }),
        ),
      session: (sessionId, now) =>
        Effect.flatMap(nowOr(now), (at) =>
          database.run("read office session", async (db) => {
            const [row] = await db
              .select()
              .from(officeSessions)
              .where(and(eq(officeSessions.idHash, hashToken(sessionId)), gt(officeSessions.expiresAt, at)))
            return row === undefined
              ? undefined
              : { personId: row.personId, csrfToken: row.csrfToken, expiresAt: row.expiresAt }
          }),
        ),
      endSession: (sessionId) =>
        database.run("end office session", async (db) => {
          await db.delete(officeSessions).where(eq(officeSessions.idHash, hashToken(sessionId)))
        }),
    })
  }),
)
