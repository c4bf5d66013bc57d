// @vitest-environment happy-dom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SaveStatus } from "./article-saver";
import { SaveStatusText } from "./save-status";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLElement;

beforeEach(() => {
  host = document.createElement("div");
  document.body.append(host);
  root = createRoot(host);
});

afterEach(async () => {
  await act(async () => root.unmount());
  host.remove();
});

const render = (status: SaveStatus, announce?: boolean) => act(async () => root.render(<SaveStatusText status={status} announce={announce} />));
const live = () => host.querySelector('[role="status"]');
const visible = () => host.querySelector('[data-testid="save-status"]')!.textContent;

describe("the save status", () => {
  it("is a polite live region, separate from the visible line", async () => {
    await render({ kind: "clean" });
    expect(live()?.getAttribute("aria-live")).toBe("polite");
    expect(visible()).toBe("已是最新版本");
    expect(live()?.textContent).toBe("");
  });

  it("stays quiet while typing (dirty), and speaks on saving, saved, failed", async () => {
    const said: string[] = [];
    const observe = async (status: SaveStatus) => {
      await render(status);
      const text = live()!.textContent!;
      if (text && text !== said.at(-1)) said.push(text);
    };
    await observe({ kind: "clean" });
    for (let i = 0; i < 5; i++) await observe({ kind: "dirty" });
    expect(visible()).toBe("有未保存的修改");
    expect(said).toEqual([]);
    await observe({ kind: "saving" });
    await observe({ kind: "saved", at: new Date("2026-03-01T02:03:04Z") });
    await observe({ kind: "dirty" });
    await observe({ kind: "error", reason: "网络中断", retrying: false });
    expect(said).toEqual(["正在保存…", "已保存 10:03:04", "保存失败（网络中断）"]);
  });

  it("the text stays the same (so nothing is re-announced) while the state does", async () => {
    await render({ kind: "saving" });
    const node = live()!.firstChild;
    await render({ kind: "saving" });
    expect(live()!.firstChild).toBe(node);
  });

  it("a second copy (full screen) has no live region", async () => {
    await render({ kind: "saving" }, false);
    expect(live()).toBeNull();
    expect(visible()).toBe("正在保存…");
  });
});
