import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TopicSelect } from "./topic-select";

const options = (html: string) => [...html.matchAll(/<option value="([^"]*)"( selected="")?>([^<]*)<\/option>/g)].map((m) => [m[1], m[3], !!m[2]]);

describe("TopicSelect", () => {
  it("offers the managed list after 未分类, in its order, with the article's theme selected", () => {
    const html = renderToStaticMarkup(<TopicSelect value="卫生、体育" topics={["综合政务", "卫生、体育"]} onChange={() => {}} errors={{}} />);
    expect(options(html)).toEqual([
      ["", "（未分类）", false],
      ["综合政务", "综合政务", false],
      ["卫生、体育", "卫生、体育", true],
    ]);
  });

  it("keeps a theme that left the list, selected and marked, so that saving loses nothing", () => {
    const html = renderToStaticMarkup(<TopicSelect value="综合政务/公告" topics={["综合政务"]} onChange={() => {}} errors={{}} />);
    expect(options(html)).toEqual([
      ["", "（未分类）", false],
      ["综合政务/公告", "综合政务/公告（不在当前列表中）", true],
      ["综合政务", "综合政务", false],
    ]);
  });
});
