import {
  type Bridge,
  type InclusionReason,
  type Language,
  type NetworkIndex,
  whyYouGetThis,
} from "@spridning/core"

/**
 * "Du får detta eftersom du är processledare i Region Skåne": why this reader got this mail,
 * in core's words (the same sentence Slack and the API use).
 */
export const whyLine = (
  index: NetworkIndex,
  language: Language,
  reasons: ReadonlyArray<InclusionReason>,
  bridge?: Bridge,
  themeGroupId?: string,
): string =>
  whyYouGetThis(
    index.network,
    reasons,
    language,
    bridge === undefined
      ? undefined
      : {
          bridge,
          themeGroup:
            themeGroupId === undefined ? undefined : index.themeGroupById.get(themeGroupId as never),
        },
  )
