/**
 * The signed links of mail live in core (`@spridning/core`, `links/`), where the Slack channel
 * and the reader pages share them; this module keeps the email app's imports where they were.
 */
export {
  InvalidLink,
  type LinkProblem,
  type LinkSigner,
  makeLinkSigner,
  type PreferencesLink,
  preferencesLinkDays,
  preferencesPath,
  preferencesUrlFromUnsubscribeUrl,
  proposalPath,
  proposalUrlFromReceiptLink,
  ReceiptLink,
  receiptLinkDays,
  receiptPath,
  type SignedLink,
  UnsubscribeLink,
  UnsubscribeScope,
  unsubscribeLinkDays,
  unsubscribePath,
} from "@spridning/core"
