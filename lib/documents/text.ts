/** The words of 政策文件 and their 有效性, for the public pages, the editor and the diff. */
export const documentText = {
  validity: "有效性",
  validityDate: "有效性变更日期",
  replacedBy: "修改或替代文件",
  validUntil: "有效期至",
  validUntilHint: "到当日起自动标为“已失效”，公开页面随即更新。",
  validityHint: "修改、废止或宣布失效须注明日期，并尽量指明修改或替代的文件；变更与其他修改一样须经审核才公开。",
  replacedByPlaceholder: "文章编号",
  replacedByHint: "修改或替代本文件的文章编号（可在文章列表中查到）。",
  states: { VALID: "有效", AMENDED: "已修改", REPEALED: "已废止", EXPIRED: "已失效" },
  /** "本文件已于2024年3月1日废止" — the verb of each state. */
  verbs: { AMENDED: "修改", REPEALED: "废止", EXPIRED: "失效" },
  noticeSee: "，见",
  noticeHeading: "文件有效性",
  errors: {
    dateRequired: "请填写修改、废止或失效的日期",
    replacedBySelf: "修改或替代文件不能是本文件",
    replacedByMissing: "修改或替代文件不存在，请核对文章编号",
    replacedByOnlyChanged: "只有“已修改”或“已废止”的文件才有修改或替代文件",
    validityDateBeforeWritten: "有效性变更日期不能早于成文日期",
    validUntilBeforeWritten: "有效期至不能早于成文日期",
  },
} as const;
