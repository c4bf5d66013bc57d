/** The words of the managed 主题分类 list (admin page, editor field, audit). */
export const topicText = {
  title: "主题分类",
  intro:
    "政府信息公开目录按主题分类列出文件，编辑在文章的“政务公开信息”中从这份列表选择。默认为国务院政府信息公开目录的主题分类（一级），可按本单位实际增删、改名和调整顺序。改名会同时更新使用该分类的文章；正在使用的分类不能删除。",
  newTopic: "添加分类",
  name: "分类名称",
  position: "顺序",
  usage: "使用文章数",
  count: "共 {count} 个分类",
  none: "还没有主题分类。",
  created: "分类已添加：",
  updated: "分类已修改：",
  deleted: "分类已删除：",
  moved: "顺序已调整：",
  editLabel: "编辑“{name}”",
  deleteLabel: "删除“{name}”",
  deleteTitle: "删除主题分类",
  upLabel: "将“{name}”上移",
  downLabel: "将“{name}”下移",
  up: "上移",
  down: "下移",
  cancelEdit: "取消",
  /** The editor's select. */
  choose: "（未分类）",
  notInList: "（不在当前列表中）",
  errors: {
    nameRequired: "请输入分类名称",
    nameTooLong: "分类名称不能超过 100 个字符",
    duplicate: "该分类已在列表中",
    missing: "该分类已被删除，请刷新页面。",
    inUse: "有 {count} 篇文章使用“{name}”，不能删除；请先把这些文章改为其他分类。",
  },
} as const;
