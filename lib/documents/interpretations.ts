import type { InterpretationKind } from "@/generated/prisma/enums";

/** The forms an interpretation takes (政府网站发展指引: text, graphics, video, media commentary, Q&A). */
export const INTERPRETATION_KINDS: readonly { value: InterpretationKind; label: string }[] = [
  { value: "TEXT", label: "文字解读" },
  { value: "GRAPHIC", label: "图文解读/图解" },
  { value: "MEDIA", label: "媒体解读" },
  { value: "EXPERT", label: "专家解读" },
  { value: "VIDEO", label: "视频解读" },
  { value: "PRESS", label: "答记者问" },
];

export function interpretationKindLabel(kind: InterpretationKind | null | undefined): string {
  return INTERPRETATION_KINDS.find((k) => k.value === kind)?.label ?? "";
}

/** A document an interpretation names, as the editor shows it. */
export interface DocumentChoice {
  id: number;
  title: string;
  docNo: string | null;
  indexNo: string | null;
}

/** How the picker and the diff name a document: its title and, when it has one, its 发文字号. */
export function documentChoiceLabel(d: Pick<DocumentChoice, "title" | "docNo">): string {
  return d.docNo ? `${d.title}（${d.docNo}）` : d.title;
}

/** The most documents one interpretation may name. */
export const MAX_INTERPRETED = 10;
