// @vitest-environment happy-dom
import { Editor } from "@tiptap/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LocalizeResult } from "@/lib/media/remote";
import { editorExtensions } from "./extensions";
import { LocalizerSlot, RemoteImageLocalizer, remoteImageSrcs, type RemoteSummary } from "./remote-images";

/**
 * The editor side of 图片本地化, in a real Tiptap editor. Only the server action is
 * replaced (its server side is tested in lib/media/remote.test.ts): it answers what the
 * server would, when the test says so.
 */
const pending: { urls: string[]; resolve: (r: LocalizeResult[]) => void }[] = [];
vi.mock("@/lib/media/actions", () => ({
  localizeRemoteImagesAction: vi.fn(
    ({ urls }: { urls: string[] }) => new Promise((resolve) => pending.push({ urls, resolve: (data) => resolve({ ok: true, data }) })),
  ),
}));

const WECHAT = "https://mmbiz.qpic.cn/mmbiz_jpg/abc/640?wx_fmt=jpeg";
const GONE = "https://example.com/gone.jpg";
const image = (src: string, attrs: Record<string, unknown> = {}) => ({ type: "image", attrs: { src, alt: "", ...attrs } });

let editor: Editor;
let localizer: RemoteImageLocalizer;
let summaries: RemoteSummary[];
let notices: string[];

beforeEach(() => {
  const slot = new LocalizerSlot();
  editor = new Editor({
    element: document.createElement("div"),
    extensions: [...editorExtensions(), slot.extension()],
    content: {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "会议现场。" }] },
        image(WECHAT, { alt: "推进会现场", caption: "12月5日，推进会现场", widthPercent: 75 }),
        image("/media/images/2026/x/w960.jpg", { alt: "本站图片" }),
        image(GONE, { alt: "已删除" }),
        image(WECHAT, { alt: "同一张图又贴了一次" }),
      ],
    },
  });
  summaries = [];
  notices = [];
  localizer = new RemoteImageLocalizer(editor, () => 7, { onNotice: (m) => notices.push(m), onChange: (s) => summaries.push(s) });
  slot.set(localizer);
});
afterEach(() => {
  editor.destroy();
  pending.length = 0;
});

const figure = (alt: string) => editor.view.dom.querySelector(`img[alt="${alt}"]`)!.closest("figure")!;
const flush = () => new Promise((r) => setTimeout(r, 0));

describe("RemoteImageLocalizer", () => {
  it("finds the remote pictures, each address once, not this site's", () => {
    expect(remoteImageSrcs(editor.state.doc)).toEqual([WECHAT, GONE]);
  });

  it("shows progress, then gives each picture the stored media, keeping alt, caption and width", async () => {
    localizer.localizeAll();
    expect(pending).toHaveLength(1);
    expect(pending[0].urls).toEqual([WECHAT, GONE]);
    expect(figure("推进会现场").getAttribute("data-remote")).toBe("fetching");
    expect(figure("推进会现场").getAttribute("data-remote-label")).toBe("正在获取…");
    expect(summaries.at(-1)).toEqual({ active: 2, failures: [] });

    pending[0].resolve([
      { url: WECHAT, ok: true, mediaId: 41, src: "/media/images/2026/abc/w1080.jpg", srcset: "/media/images/2026/abc/w480.webp 480w", width: 1080, height: 720 },
      { url: GONE, ok: false, reason: "对方拒绝（403）" },
    ]);
    await flush();

    const images = editor.getJSON().content!.filter((n) => n.type === "image").map((n) => n.attrs);
    expect(images[0]).toMatchObject({ src: "/media/images/2026/abc/w1080.jpg", mediaId: 41, alt: "推进会现场", caption: "12月5日，推进会现场", widthPercent: 75 });
    expect(images[3]).toMatchObject({ src: "/media/images/2026/abc/w1080.jpg", mediaId: 41, alt: "同一张图又贴了一次" });
    // The failure keeps its address; its mark is in the editor only, never in the document.
    expect(images[2]).toMatchObject({ src: GONE, alt: "已删除" });
    expect(figure("已删除").getAttribute("data-remote")).toBe("failed");
    expect(figure("已删除").getAttribute("data-remote-label")).toBe("未能获取：对方拒绝（403）");
    expect(JSON.stringify(editor.getJSON())).not.toContain("remote");
    expect(editor.getHTML()).not.toContain("data-remote");
    expect(summaries.at(-1)).toEqual({ active: 0, failures: [{ src: GONE, reason: "对方拒绝（403）" }] });
    expect(notices).toEqual(["1 张外部图片已保存到本站媒体库", "1 张外部图片未能获取（对方拒绝（403）），仍引用原网站，可稍后点“图片本地化”重试，或另行上传"]);
    // Not an undo step: undo must not bring the remote address back.
    editor.commands.undo();
    expect(editor.getJSON().content![1].attrs).toMatchObject({ src: "/media/images/2026/abc/w1080.jpg" });
  });

  it("sends large bodies in small batches, one after another, and the button tries failures again", async () => {
    const many = Array.from({ length: 6 }, (_, i) => `https://example.com/${i}.jpg`);
    editor.commands.setContent({ type: "doc", content: many.map((src) => image(src)) });
    localizer.localizeAll();
    expect(pending.map((p) => p.urls.length)).toEqual([4]);
    pending[0].resolve(pending[0].urls.map((url) => ({ url, ok: false, reason: "超时" })));
    await flush();
    expect(pending.map((p) => p.urls.length)).toEqual([4, 2]);
    pending[1].resolve(pending[1].urls.map((url) => ({ url, ok: false, reason: "超时" })));
    await flush();
    expect(summaries.at(-1)!.failures).toHaveLength(6);
    localizer.localizeAll();
    expect(pending).toHaveLength(3);
    expect(pending[2].urls).toEqual(many.slice(0, 4));
  });

  it("says so when there is nothing to fetch", () => {
    editor.commands.setContent({ type: "doc", content: [image("/media/images/2026/x/w960.jpg")] });
    localizer.localizeAll();
    expect(pending).toHaveLength(0);
    expect(notices).toEqual(["正文中没有来自其他网站的图片。"]);
  });
});
