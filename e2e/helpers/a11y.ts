import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

/**
 * What the accessibility walks (e2e/*-a11y*.spec.ts) check on every page and state:
 * no WCAG 2.1 A/AA violation axe can find and, at the phone width, no sideways scroll.
 * A page is loaded once and checked at each width in turn, the window resized between
 * (the layout answers to CSS media queries and ResizeObserver, not to the width it was
 * loaded at), so that a walk pays for one navigation per page.
 */
export const WIDTHS = [1280, 390] as const;
const HEIGHT = 900;

/** A window of the walks' first width, in the site's locale and time zone, for a walk's own context. */
export const WALK_CONTEXT = { viewport: { width: WIDTHS[0], height: HEIGHT }, locale: "zh-CN", timezoneId: "Asia/Shanghai" } as const;

/** Resizes the window and waits two frames, so that what answers to the resize has drawn. */
export async function resizeTo(page: Page, width: number) {
  await page.setViewportSize({ width, height: HEIGHT });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** The page as it is now, checked at every width, then left at the first. */
export async function checkAtEveryWidth(page: Page, key: string) {
  for (const width of WIDTHS) {
    await resizeTo(page, width);
    await checkPage(page, width, key);
  }
  await resizeTo(page, WIDTHS[0]);
}

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

type Found = { id: string; line: string };

/**
 * Axe against WCAG 2.1 A/AA. Its builder's default is kept: it checks each frame as a
 * document of its own. Its faster "legacy" run inside the page (no blank page opened to
 * merge the frames' results) counts a frame's landmarks and headings as the page's, and
 * so finds the preview's header a second banner of the admin page.
 */
export const axeBuilder = (page: Page) => new AxeBuilder({ page }).withTags(TAGS);

/** What axe finds against WCAG 2.1 A/AA, one readable line per rule with the first elements. */
async function axeViolations(page: Page): Promise<Found[]> {
  const result = await axeBuilder(page).analyze();
  return result.violations.map((v) => ({
    id: v.id,
    line: `${v.id} (${v.impact}) — ${v.help}\n      ${v.nodes
      .slice(0, 6)
      .map((n) => `${n.target.join(" ")}${n.failureSummary ? ` — ${n.failureSummary.split("\n").slice(-1)[0].trim()}` : ""}`)
      .join("\n      ")}${v.nodes.length > 6 ? `\n      … and ${v.nodes.length - 6} more` : ""}`,
  }));
}

/** Axe, and at the phone width the scroll check; `key` names the page or state in the failure. */
export async function checkPage(page: Page, width: number, key: string) {
  await page.waitForLoadState("networkidle");
  const found = await axeViolations(page);
  expect(
    found.map((f) => f.line),
    `axe violations on ${key} at ${width} px (${page.url()}):\n    ${found.map((f) => f.line).join("\n    ")}`,
  ).toEqual([]);
  if (width === 390) {
    const { scrollWidth, clientWidth, wide } = await page.evaluate(() => {
      const clientWidth = document.documentElement.clientWidth;
      // The outermost elements that stick out on the right, to say what to fix.
      const describe = (e: Element) =>
        `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${typeof e.className === "string" && e.className ? `.${e.className.trim().split(/\s+/).join(".")}` : ""}`;
      const wide: string[] = [];
      for (const e of Array.from(document.body.querySelectorAll("*"))) {
        const right = e.getBoundingClientRect().right;
        const clipped = (el: Element | null): boolean =>
          !!el && el !== document.body && (getComputedStyle(el).overflowX !== "visible" || clipped(el.parentElement));
        if (
          right > clientWidth + 1 &&
          !(e.parentElement && e.parentElement.getBoundingClientRect().right > clientWidth + 1) &&
          !clipped(e.parentElement)
        ) {
          wide.push(`${describe(e.parentElement ?? e)} > ${describe(e)} (right edge ${Math.round(right)})`);
        }
      }
      return { scrollWidth: document.documentElement.scrollWidth, clientWidth, wide: wide.slice(0, 8) };
    });
    expect(
      scrollWidth,
      `${key} scrolls sideways at 390 px (scrollWidth ${scrollWidth} > clientWidth ${clientWidth}); sticking out:\n    ${wide.join("\n    ")}`,
    ).toBeLessThanOrEqual(clientWidth + 1);
  }
}

/** Turns the browser's own validation off so the server's field errors show. */
export async function submitWithoutBrowserValidation(form: Locator) {
  await form.evaluate((f: HTMLFormElement) => {
    f.noValidate = true;
  });
  await form.locator('button[type="submit"]').first().click();
}

