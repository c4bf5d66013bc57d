import fs from "node:fs";
import sax from "sax";
import { fill } from "@/lib/i18n/fill";
import { importText } from "./text";

/**
 * Streams a WordPress export (WXR, 工具 → 导出) with sax: the file is read 64 KB at a
 * time and each <item> is handed on as soon as it closes, so memory stays flat at any
 * size. Only an item's own fields are kept (its comments are not); the channel's
 * site address, categories and authors come before the items in every export.
 *
 * Malformed XML is reported with the item it broke (its title, else its line) and the
 * reading goes on; a file that is not XML at all stops after a few errors.
 */
export interface RawItem {
  fields: Record<string, string>;
  categories: { domain: string; nicename: string; name: string }[];
  meta: Record<string, string>;
  line: number;
}

export interface WxrChannel {
  siteUrl: string;
  categories: Map<string, { name: string; parent: string }>;
  authors: Map<string, string>;
}

export type WxrEntry = { raw: RawItem } | { problem: string; item: string };

const MAX_ERRORS = 20;

export async function* readWxr(file: string, channel: WxrChannel): AsyncGenerator<WxrEntry> {
  const parser = sax.parser(true, { trim: false, normalize: false, position: true });
  const queue: WxrEntry[] = [];
  const stack: string[] = [];
  let item: RawItem | null = null;
  let broken: string | null = null;
  let text = "";
  let category: { domain: string; nicename: string } | null = null;
  let meta: { key: string; value: string } | null = null;
  let channelCategory: Record<string, string> | null = null;
  let channelAuthor: Record<string, string> | null = null;
  let errors = 0;

  const parent = () => stack[stack.length - 2];
  parser.onopentag = (tag) => {
    stack.push(tag.name);
    text = "";
    if (tag.name === "item") {
      item = { fields: {}, categories: [], meta: {}, line: parser.line + 1 };
      broken = null;
    } else if (item && tag.name === "category" && parent() === "item") {
      category = { domain: String(tag.attributes.domain ?? ""), nicename: String(tag.attributes.nicename ?? "") };
    } else if (item && tag.name === "wp:postmeta") meta = { key: "", value: "" };
    else if (!item && tag.name === "wp:category") channelCategory = {};
    else if (!item && tag.name === "wp:author") channelAuthor = {};
  };
  parser.ontext = (t) => void (text += t);
  parser.oncdata = (t) => void (text += t);
  parser.onclosetag = (name) => {
    const under = parent();
    stack.pop();
    if (item) {
      if (name === "item") {
        const current: RawItem = item;
        queue.push(broken ? { problem: broken, item: current.fields.title || `第 ${current.line} 行的条目` } : { raw: current });
        item = null;
      } else if (name === "category" && category) {
        item.categories.push({ ...category, name: text.trim() });
        category = null;
      } else if (meta && under === "wp:postmeta") {
        if (name === "wp:meta_key") meta.key = text.trim();
        if (name === "wp:meta_value") meta.value = text;
      } else if (meta && name === "wp:postmeta") {
        if (meta.key) item.meta[meta.key] = meta.value;
        meta = null;
      } else if (under === "item") item.fields[name] = text;
    } else if (channelCategory && under === "wp:category") channelCategory[name] = text.trim();
    else if (channelCategory && name === "wp:category") {
      const slug = channelCategory["wp:category_nicename"];
      if (slug) channel.categories.set(slug, { name: channelCategory["wp:cat_name"] ?? slug, parent: channelCategory["wp:category_parent"] ?? "" });
      channelCategory = null;
    } else if (channelAuthor && under === "wp:author") channelAuthor[name] = text.trim();
    else if (channelAuthor && name === "wp:author") {
      const login = channelAuthor["wp:author_login"];
      if (login) channel.authors.set(login, channelAuthor["wp:author_display_name"] || login);
      channelAuthor = null;
    } else if (under === "channel" && (name === "wp:base_site_url" || (name === "link" && !channel.siteUrl))) {
      channel.siteUrl = text.trim() || channel.siteUrl;
    }
    text = "";
  };
  parser.onerror = (error) => {
    errors++;
    const message = fill(importText.problems.xml, { line: parser.line + 1, message: error.message.split("\n")[0] });
    if (item) broken ??= message;
    else if (errors <= MAX_ERRORS) queue.push({ problem: message, item: file });
    parser.error = null as unknown as Error;
    parser.resume();
  };

  const stream = fs.createReadStream(file, { encoding: "utf8", highWaterMark: 64 * 1024 });
  for await (const chunk of stream) {
    parser.write(chunk as string);
    while (queue.length) yield queue.shift()!;
    if (errors > MAX_ERRORS) {
      stream.destroy();
      yield { problem: "文件错误过多，停止读取（它可能不是 WordPress 导出的 WXR 文件）", item: file };
      return;
    }
  }
  parser.close();
  while (queue.length) yield queue.shift()!;
}
