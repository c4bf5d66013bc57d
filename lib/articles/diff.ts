import { diffArrays, diffChars } from "diff";
import type { RichTextNode } from "@/lib/sanitize/tiptap-schema";
import { documentBlocks, type DiffBlock } from "./diff-blocks";

/**
 * Readable differences between two versions of an article: which fields changed and,
 * in the body, which blocks were added, removed or changed — with the changed text
 * marked character by character (Chinese has no spaces to split words on) and
 * formatting changes named. Pure: the revisions page (server) and the conflict dialog
 * (browser) both use it.
 */
export interface TextPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
  parts: TextPart[];
}

export type BlockChange =
  | { kind: "same"; block: DiffBlock }
  | { kind: "added" | "removed"; block: DiffBlock }
  | { kind: "changed"; before: DiffBlock; after: DiffBlock; parts: TextPart[]; formatAdded: string[]; formatRemoved: string[] };

export interface ContentDiff {
  fields: FieldChange[];
  blocks: BlockChange[];
  counts: { added: number; removed: number; changed: number; fields: number };
}

export function textParts(before: string, after: string): TextPart[] {
  if (before === after) return [{ value: after }];
  return diffChars(before, after).map((c) => ({ value: c.value, ...(c.added ? { added: true } : {}), ...(c.removed ? { removed: true } : {}) }));
}

/** Share of the longer text the two have in common: below a third they are different blocks. */
function similarity(a: string, b: string): number {
  if (!a && !b) return 1;
  const common = diffChars(a, b).filter((c) => !c.added && !c.removed).reduce((n, c) => n + c.count, 0);
  return common / Math.max([...a].length, [...b].length);
}

const key = (b: DiffBlock) => `${b.label}\u0000${b.text}\u0000${b.format.join("\u0001")}`;

export function diffBlocks(before: DiffBlock[], after: DiffBlock[]): BlockChange[] {
  const out: BlockChange[] = [];
  const changes = diffArrays(before.map(key), after.map(key));
  let removed: DiffBlock[] = [];
  let bi = 0;
  let ai = 0;
  const flushRemoved = () => {
    for (const block of removed) out.push({ kind: "removed", block });
    removed = [];
  };
  for (const change of changes) {
    if (change.removed) {
      removed.push(...before.slice(bi, bi + change.count));
      bi += change.count;
    } else if (change.added) {
      // A removal followed by an addition of the same kind of block, with much text in common, is an edit.
      for (const block of after.slice(ai, ai + change.count)) {
        const match = removed.findIndex((r) => r.label === block.label && similarity(r.text, block.text) >= 0.34);
        if (match >= 0) {
          for (const r of removed.slice(0, match)) out.push({ kind: "removed", block: r });
          const previous = removed[match];
          removed = removed.slice(match + 1);
          out.push({
            kind: "changed",
            before: previous,
            after: block,
            parts: textParts(previous.text, block.text),
            formatAdded: block.format.filter((f) => !previous.format.includes(f)),
            formatRemoved: previous.format.filter((f) => !block.format.includes(f)),
          });
        } else {
          // Removed before added reads naturally ("this went, that came").
          flushRemoved();
          out.push({ kind: "added", block });
        }
      }
      ai += change.count;
    } else {
      flushRemoved();
      for (const block of after.slice(ai, ai + change.count)) out.push({ kind: "same", block });
      ai += change.count;
      bi += change.count;
    }
  }
  flushRemoved();
  return out;
}

/**
 * Compares two versions: `fields` are already in display form (label → text), so the
 * caller decides how a column, a cover or a date reads.
 */
export function diffContent(
  before: { fields: Record<string, { label: string; value: string }>; body: RichTextNode },
  after: { fields: Record<string, { label: string; value: string }>; body: RichTextNode },
): ContentDiff {
  const fields: FieldChange[] = [];
  for (const [field, { label, value }] of Object.entries(after.fields)) {
    const old = before.fields[field]?.value ?? "";
    if (old !== value) fields.push({ field, label, before: old, after: value, parts: textParts(old, value) });
  }
  const blocks = diffBlocks(documentBlocks(before.body), documentBlocks(after.body));
  const count = (kind: BlockChange["kind"]) => blocks.filter((b) => b.kind === kind).length;
  return { fields, blocks, counts: { added: count("added"), removed: count("removed"), changed: count("changed"), fields: fields.length } };
}
