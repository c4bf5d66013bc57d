import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_PERMISSION } from "@/lib/workflow/transitions";
import { actionLabel, AUDIT_ACTION_LABELS, entryLabel } from "./labels";

/** Source files of the app (tests excluded): where audit entries are written. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const files = ["lib", "app", "components"].flatMap((dir) => sources(path.join(process.cwd(), dir)));
const DOTTED_CODE = /^(?:[a-z][\w-]*(?:\.[\w-]+)+|logout)$/;

/** Every audit code the sources name: string literals given as `action:` / `auditAction:` (ternaries too), and `prefix.${…}` templates. */
function codesWritten() {
  const literals = new Map<string, string>();
  const templates = new Map<string, string>();
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    for (const [, expression] of text.matchAll(/\b(?:action|auditAction)\s*:\s*([^,}\n]+)/g)) {
      for (const [, literal] of expression.matchAll(/"([^"]+)"/g)) if (DOTTED_CODE.test(literal)) literals.set(literal, path.relative(process.cwd(), file));
      for (const [, prefix] of expression.matchAll(/`([a-z]+)\.\$\{/g)) templates.set(prefix, path.relative(process.cwd(), file));
    }
  }
  return { literals, templates };
}

describe("audit action labels", () => {
  it("has words for every action code written anywhere", () => {
    const { literals, templates } = codesWritten();
    expect(literals.size).toBeGreaterThan(30);
    const missing = [...literals].filter(([code]) => !Object.hasOwn(AUDIT_ACTION_LABELS, code)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
    // The workflow writes `article.${action}` for each of its buttons.
    expect([...templates.keys()]).toEqual(["article"]);
    const workflowMissing = Object.keys(ACTION_PERMISSION).filter((a) => !Object.hasOwn(AUDIT_ACTION_LABELS, `article.${a}`));
    expect(workflowMissing).toEqual([]);
  });

  it("says each action in Chinese words, never as its code", () => {
    for (const [code, label] of Object.entries(AUDIT_ACTION_LABELS)) {
      expect(label, code).toMatch(/[\u4e00-\u9fff]/);
      expect(label).not.toContain(code);
    }
    expect(actionLabel("article.create")).toBe("创建文章");
    expect(actionLabel("article.save")).toBe("保存文章");
    expect(actionLabel("article.submit")).toBe("提交审核");
    // A code an older version wrote and nobody named stays readable as itself.
    expect(actionLabel("legacy.thing")).toBe("legacy.thing");
  });

  it("names what a refused attempt tried to do", () => {
    expect(entryLabel({ action: "refused.forbidden", detail: { action: "workflow.approve", reason: "不能审核自己撰写的文章。" } })).toBe("操作被拒绝：无权执行（审核通过）");
    expect(entryLabel({ action: "refused.conflict", detail: { action: "article.save" } })).toBe("操作被拒绝：状态或版本已变化（保存文章）");
    expect(entryLabel({ action: "article.save", detail: {} })).toBe("保存文章");
  });
});
