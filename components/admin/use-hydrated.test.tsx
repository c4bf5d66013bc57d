// @vitest-environment happy-dom
import { act } from "react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { useHydrated } from "./use-hydrated";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Title() {
  return <textarea aria-label="标题" disabled={!useHydrated()} defaultValue="" />;
}

describe("editor fields before hydration", () => {
  it("are disabled in the server's HTML (typing there would be wiped out) and enabled once the page answers", async () => {
    const html = renderToString(<Title />);
    expect(html).toContain("disabled");
    const host = document.createElement("div");
    host.innerHTML = html;
    document.body.append(host);
    const root = await act(async () => hydrateRoot(host, <Title />));
    expect(host.querySelector("textarea")!.disabled).toBe(false);
    await act(async () => root.unmount());
  });
});
