// @vitest-environment happy-dom
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EARLY_PREFS_SCRIPT } from "@/lib/security/reader-prefs.mjs";
import { CloseButton, ElderModeToggle, FontSizeSwitch, PrintButton, PrintDate, ViewCount } from "./reader-controls";
import { enhance } from "./site-script";

let leave: (() => void) | undefined;

/** A page load: the controls exactly as the server renders them, brought to life by the site script. */
function page(markup: React.ReactElement) {
  leave?.();
  document.documentElement.className = "";
  document.body.innerHTML = renderToStaticMarkup(markup);
  leave = enhance(document);
}

const controls = (
  <>
    <ElderModeToggle />
    <ViewCount articleId={7} initial={41} />
    <FontSizeSwitch />
    <PrintButton />
    <CloseButton fallbackHref="/columns/media" />
    <PrintDate />
    <img loading="lazy" src="/media/a.webp" alt="" />
  </>
);

const click = (selector: string) => document.querySelector<HTMLElement>(selector)!.click();
const pressed = (selector: string) => document.querySelector(selector)!.getAttribute("aria-pressed");
const classes = () => document.documentElement.classList;

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  localStorage.clear();
  fetchMock = vi.fn(async () => new Response(JSON.stringify({ count: 42 }), { status: 200, headers: { "content-type": "application/json" } }));
  vi.stubGlobal("fetch", fetchMock);
  window.fetch = fetchMock as unknown as typeof fetch;
});
afterEach(() => vi.unstubAllGlobals());

describe("the public site script", () => {
  it("counts the view once and shows the count the server returns", async () => {
    page(controls);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe("/api/views");
    expect(JSON.parse(String(init.body))).toEqual({ id: 7 });
    expect(init.credentials).toBe("omit");
    await vi.waitFor(() => expect(document.querySelector("[data-testid=view-count]")!.textContent).toBe("42"));
  });

  it("keeps the rendered count when the count cannot be sent", async () => {
    fetchMock.mockRejectedValueOnce(new TypeError("offline"));
    page(controls);
    await new Promise((r) => setTimeout(r, 10));
    expect(document.querySelector("[data-testid=view-count]")!.textContent).toBe("41");
  });

  it("switches the font size and 长者模式, remembers both, and shows them as pressed on the next page", () => {
    page(controls);
    expect(pressed('[data-font-size="medium"]')).toBe("true");
    click('[data-font-size="large"]');
    expect(classes().contains("font-large")).toBe(true);
    expect(pressed('[data-font-size="large"]')).toBe("true");
    expect(pressed('[data-font-size="medium"]')).toBe("false");
    click("[data-elder-toggle]");
    expect(classes().contains("elder-mode")).toBe(true);
    expect(pressed("[data-elder-toggle]")).toBe("true");

    page(controls); // the next page
    expect(classes().contains("font-large")).toBe(true);
    expect(classes().contains("elder-mode")).toBe(true);
    expect(pressed('[data-font-size="large"]')).toBe("true");
    expect(pressed("[data-elder-toggle]")).toBe("true");

    click("[data-elder-toggle]");
    click('[data-font-size="medium"]');
    expect(classes().contains("elder-mode")).toBe(false);
    expect(classes().contains("font-large")).toBe(false);
    expect(localStorage.length).toBe(0);
  });

  it("applies the stored preferences before the first paint with the inline snippet the CSP allows", () => {
    localStorage.setItem("gazette:elder-mode", "on");
    localStorage.setItem("gazette:font-size", "small");
    document.documentElement.className = "";
    new Function(EARLY_PREFS_SCRIPT)();
    expect([...classes()].sort()).toEqual(["elder-mode", "font-small"]);
  });

  it("prints, and stamps the print date and loads lazy images when printing starts", () => {
    const print = vi.spyOn(window, "print").mockImplementation(() => {});
    page(controls);
    click("[data-print]");
    expect(print).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event("beforeprint"));
    expect(document.querySelector("[data-testid=print-date]")!.textContent).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(document.querySelector("img")!.getAttribute("loading")).toBe("eager");
  });

  it("closes the window, or goes to the column when the browser keeps it open", () => {
    vi.useFakeTimers();
    const close = vi.spyOn(window, "close").mockImplementation(() => {});
    const assign = vi.spyOn(window.location, "assign").mockImplementation(() => {});
    page(controls);
    click("[data-close]");
    expect(close).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(200);
    expect(assign).toHaveBeenCalledWith("/columns/media");
    vi.useRealTimers();
  });
});
