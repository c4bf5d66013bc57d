// @vitest-environment happy-dom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/safe-action";
import { GovernanceConfirm } from "./governance-confirm";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLElement;
const onClose = vi.fn();

beforeEach(() => {
  onClose.mockReset();
  host = document.createElement("div");
  document.body.append(host);
  root = createRoot(host);
});

afterEach(async () => {
  await act(async () => root.unmount());
  host.remove();
});

function render(onConfirm: () => Promise<ActionResult<unknown>>, action = { pending: false, error: "" }, labels: { confirmLabel?: string; pendingLabel?: string } = {}) {
  return act(async () =>
    root.render(<GovernanceConfirm title="删除主题分类" question="确定删除“综合政务”吗？" action={action} onConfirm={onConfirm} onClose={onClose} {...labels} />),
  );
}

const button = (name: string) => Array.from(host.querySelectorAll("button")).find((b) => b.textContent === name)!;

describe("a governance action behind the confirmation dialog", () => {
  it("runs the action only when confirmed, and closes once it succeeds", async () => {
    const onConfirm = vi.fn(async (): Promise<ActionResult<unknown>> => ({ ok: true, data: null }));
    await render(onConfirm);
    expect(onConfirm).not.toHaveBeenCalled();
    await act(async () => button("确认删除").click());
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("stays open when the server refuses, with the refusal shown inside", async () => {
    const onConfirm = vi.fn(async (): Promise<ActionResult<unknown>> => ({ ok: false, code: "conflict", error: "该分类正在使用，不能删除。" }));
    await render(onConfirm);
    await act(async () => button("确认删除").click());
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onClose).not.toHaveBeenCalled();
    // The page's action hook now holds the refusal: the dialog shows it.
    await render(onConfirm, { pending: false, error: "该分类正在使用，不能删除。" });
    expect(host.querySelector('[role="alert"]')?.textContent).toBe("该分类正在使用，不能删除。");
  });

  it("closes on a refusal about a field, which the form behind shows next to that field", async () => {
    const onConfirm = vi.fn(
      async (): Promise<ActionResult<unknown>> => ({ ok: false, code: "invalid", error: "提交的内容有误，请检查标出的字段。", fieldErrors: { password: ["密码太短。"] } }),
    );
    await render(onConfirm);
    await act(async () => button("确认删除").click());
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("closes with 取消 without running the action, and takes other labels than a deletion's", async () => {
    const onConfirm = vi.fn(async (): Promise<ActionResult<unknown>> => ({ ok: true, data: null }));
    await render(onConfirm, { pending: false, error: "" }, { confirmLabel: "确认停用", pendingLabel: "正在停用…" });
    await act(async () => button("取消").click());
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
    await render(onConfirm, { pending: true, error: "" }, { confirmLabel: "确认停用", pendingLabel: "正在停用…" });
    expect(button("正在停用…").disabled).toBe(true);
  });
});
