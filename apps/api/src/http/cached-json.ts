import { createHash } from "node:crypto"
import { promisify } from "node:util"
import { gzip } from "node:zlib"
import type { Context } from "hono"
import { answerWith } from "./answer-headers.js"
import { requestHeader } from "./request-header.js"

const gzipAsync = promisify(gzip)
const encoder = new TextEncoder()

/**
 * A JSON answer computed once per copy of the network (coverage, previews): kept encoded,
 * with its entity tag, and gzipped once on first demand. The 100k network's coverage is
 * 11 MB of JSON and about a tenth of that gzipped.
 */
export class CachedJson {
  readonly bytes: Uint8Array<ArrayBuffer>
  readonly etag: string
  #gzipped: Promise<Uint8Array<ArrayBuffer>> | undefined
  #gzippedBytes: Uint8Array<ArrayBuffer> | undefined

  constructor(value: unknown) {
    this.bytes = encoder.encode(JSON.stringify(value))
    this.etag = `"${createHash("sha256").update(this.bytes).digest("base64url").slice(0, 27)}"`
  }

  gzipped(): Promise<Uint8Array<ArrayBuffer>> {
    this.#gzipped ??= gzipAsync(this.bytes).then((buffer) => {
      this.#gzippedBytes = new Uint8Array(buffer)
      return this.#gzippedBytes
    })
    return this.#gzipped
  }

  /** The gzipped bytes once made, so that later answers need not wait a turn for them. */
  get gzippedNow(): Uint8Array<ArrayBuffer> | undefined {
    return this.#gzippedBytes
  }
}

const worthCompressing = 1024

/** Answers `cached`: 304 when the client has it, gzipped when the client accepts gzip. */
export const answerCachedJson = async (c: Context, cached: CachedJson): Promise<Response> => {
  const headers = { "content-type": "application/json", etag: cached.etag, vary: "accept-encoding" }
  if (requestHeader(c, "if-none-match") === cached.etag) return answerWith(c, null, 304, headers)
  if (
    cached.bytes.byteLength >= worthCompressing &&
    /\bgzip\b/.test(requestHeader(c, "accept-encoding") ?? "")
  ) {
    return answerWith(c, cached.gzippedNow ?? (await cached.gzipped()), 200, {
      ...headers,
      "content-encoding": "gzip",
    })
  }
  return answerWith(c, cached.bytes, 200, headers)
}
