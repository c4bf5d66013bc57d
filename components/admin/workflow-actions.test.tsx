// @vitest-environment happy-dom
import { act } from "react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {} }) }));
vi.mock("@/lib/workflow/actions", () => ({}));

const { WorkflowActions } = await import("./workflow-actions");

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const panel = <WorkflowActions articleId={1} version={1} actions={["approve", "reject"]} wasLive={false} zoneOffset="+08:00" />;

describe("the workflow panel's actions before hydration", () => {
  it("are disabled in the server's HTML (a tap there would open nothing) and answer once the page has hydrated", async () => {
    const host = document.createElement("div");
    host.innerHTML = renderToString(panel);
    document.body.append(host);
    const buttons = () => Array.from(host.querySelectorAll<HTMLButtonElement>(".button-row button"));
    expect(buttons().map((b) => [b.textContent, b.disabled])).toEqual([
      ["审核通过", true],
      ["退回修改", true],
    ]);
    const root = await act(async () => hydrateRoot(host, panel));
    expect(buttons().every((b) => !b.disabled)).toBe(true);
    await act(async () => buttons()[0].click());
    expect(host.querySelector("textarea")).not.toBeNull();
    await act(async () => root.unmount());
  });
});
