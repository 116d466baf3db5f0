/** The state a filled-in `/spridning inlägg` modal submits, nested as Slack nests it. */
export const postValues = (fields: {
  readonly themeGroupId?: string
  /** Values of the regions multi-select ("all" for the whole network). */
  readonly regions?: ReadonlyArray<string>
  readonly kind?: "meetingNotes" | "workListItem"
  readonly title?: string
  readonly body?: string
  readonly meetingDate?: string
  readonly status?: "planned" | "ongoing" | "done"
}) => ({
  theme_group: {
    value: {
      type: "static_select",
      selected_option:
        fields.themeGroupId === undefined
          ? null
          : { text: { type: "plain_text", text: fields.themeGroupId }, value: fields.themeGroupId },
    },
  },
  regions: {
    value: {
      type: "multi_static_select",
      selected_options: (fields.regions ?? []).map((value) => ({
        text: { type: "plain_text", text: value },
        value,
      })),
    },
  },
  kind: {
    value: {
      type: "radio_buttons",
      selected_option: { text: { type: "plain_text", text: "x" }, value: fields.kind ?? "meetingNotes" },
    },
  },
  title: { value: { type: "plain_text_input", value: fields.title ?? null } },
  body: { value: { type: "plain_text_input", value: fields.body ?? null } },
  meeting_date: { value: { type: "datepicker", selected_date: fields.meetingDate ?? null } },
  status: {
    value: {
      type: "static_select",
      selected_option: { text: { type: "plain_text", text: "x" }, value: fields.status ?? "planned" },
    },
  },
})
