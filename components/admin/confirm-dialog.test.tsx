// @vitest-environment happy-dom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ConfirmDialog } from "./confirm-dialog";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLElement;
let opener: HTMLButtonElement;
const onConfirm = vi.fn();
const onCancel = vi.fn();

beforeEach(() => {
  onConfirm.mockReset();
  onCancel.mockReset();
  opener = document.createElement("button");
  opener.textContent = "删除";
  host = document.createElement("div");
  document.body.append(opener, host);
  root = createRoot(host);
  opener.focus();
});

afterEach(async () => {
  await act(async () => root.unmount());
  host.remove();
  opener.remove();
});

function render({ pending = false, error = "" } = {}) {
  return act(async () =>
    root.render(
      <ConfirmDialog title="删除栏目" confirmLabel="确认删除" pendingLabel="正在删除…" pending={pending} error={error} onConfirm={onConfirm} onCancel={onCancel} testId="column-delete-dialog">
        确定删除“通知公告”吗？
      </ConfirmDialog>,
    ),
  );
}

const dialog = () => host.querySelector("dialog")!;
const button = (name: string) => Array.from(host.querySelectorAll("button")).find((b) => b.textContent === name)!;

describe("the confirmation dialog", () => {
  it("is named by its title, described by its question, and starts on 取消", async () => {
    await render();
    expect(document.getElementById(dialog().getAttribute("aria-labelledby")!)?.textContent).toBe("删除栏目");
    expect(document.getElementById(dialog().getAttribute("aria-describedby")!)?.textContent).toBe("确定删除“通知公告”吗？");
    expect(document.activeElement).toBe(button("取消"));
  });

  it("confirms only with the danger button, and cancels with 取消 or Escape", async () => {
    await render();
    await act(async () => button("取消").click());
    expect(onCancel).toHaveBeenCalledTimes(1);
    await act(async () => {
      dialog().dispatchEvent(new Event("cancel", { cancelable: true }));
    });
    expect(onCancel).toHaveBeenCalledTimes(2);
    expect(onConfirm).not.toHaveBeenCalled();
    await act(async () => button("确认删除").click());
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it("shows the action's refusal inside, as an alert, and cannot be confirmed twice while it runs", async () => {
    await render({ error: "该栏目下还有文章，不能删除。" });
    expect(host.querySelector('[role="alert"]')?.textContent).toBe("该栏目下还有文章，不能删除。");
    await render({ pending: true });
    expect(button("正在删除…").disabled).toBe(true);
  });
});
