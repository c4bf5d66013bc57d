// @vitest-environment happy-dom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Dialog } from "./dialog";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLElement;
let opener: HTMLButtonElement;

beforeEach(() => {
  opener = document.createElement("button");
  opener.textContent = "插入链接";
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

function render(open: boolean, onClose = () => {}) {
  return act(async () =>
    root.render(
      <Dialog open={open} title="插入链接" onClose={onClose} testId="link-dialog" footer={<button type="button">确定</button>}>
        <p>说明</p>
        <input aria-label="链接地址" />
      </Dialog>,
    ),
  );
}

const dialog = () => host.querySelector("dialog")!;

describe("the modal dialog", () => {
  it("is a labelled modal that takes focus to its first field", async () => {
    await render(true);
    expect(dialog().open).toBe(true);
    expect(dialog().getAttribute("aria-modal")).toBe("true");
    const title = document.getElementById(dialog().getAttribute("aria-labelledby")!);
    expect(title?.textContent).toBe("插入链接");
    expect(document.activeElement).toBe(host.querySelector("input"));
  });

  it("gives focus back to the element that opened it", async () => {
    expect(document.activeElement).toBe(opener);
    await render(true);
    expect(document.activeElement).not.toBe(opener);
    await render(false);
    expect(dialog().open).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it("gives focus back when it is taken away altogether (the link dialog unmounts)", async () => {
    await render(true);
    await act(async () => root.render(<></>));
    expect(document.activeElement).toBe(opener);
  });

  it("closes on Escape (the cancel event)", async () => {
    const onClose = vi.fn();
    await render(true, onClose);
    await act(async () => {
      dialog().dispatchEvent(new Event("cancel", { cancelable: true }));
    });
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

describe("the field that takes the focus", () => {
  it("is the one marked data-autofocus, wherever it is", async () => {
    await act(async () =>
      root.render(
        <Dialog open title="图片信息" onClose={() => {}}>
          <input type="file" aria-label="上传" />
          <input aria-label="替代文字" data-autofocus="" />
        </Dialog>,
      ),
    );
    expect(document.activeElement?.getAttribute("aria-label")).toBe("替代文字");
  });

  it("is the dialog itself when it has no field (the conflict dialog)", async () => {
    await act(async () =>
      root.render(
        <Dialog open title="有人保存了新版本" onClose={() => {}} footer={<button type="button">保留我的</button>}>
          <p>说明</p>
        </Dialog>,
      ),
    );
    expect(document.activeElement).toBe(host.querySelector("dialog"));
  });
});

describe("Tab inside the dialog", () => {
  it("goes round from the last element to the first, and back with Shift+Tab", async () => {
    await render(true);
    const buttons = Array.from(host.querySelectorAll("button"));
    const [close, ok] = [buttons[0], buttons[buttons.length - 1]];
    // happy-dom lays nothing out: every element counts as shown.
    for (const el of [close, ok, ...host.querySelectorAll("input")]) el.getClientRects = () => [{}] as unknown as DOMRectList;
    ok.focus();
    const tab = (shiftKey: boolean) => act(async () => void document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: "Tab", shiftKey, bubbles: true, cancelable: true })));
    await tab(false);
    expect(document.activeElement).toBe(close);
    await tab(true);
    expect(document.activeElement).toBe(ok);
  });
});
