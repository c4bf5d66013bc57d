/**
 * npm run import -- wordpress <export.xml> --as <admin> [options]
 * npm run import -- html <folder | list-of-urls.txt> --as <admin> --column <slug> [options]
 *
 * Brings an old site's articles, pictures, attachments and addresses into Gazette
 * (lib/import/site). New items are written in batches (--batch, default 200) through
 * the bulk path. Safe to re-run: an item already imported is updated when it changed
 * and skipped when not, so a stopped run (Ctrl-C writes the items already read) continues
 * where it was.
 *
 *   --as <email or name>     the administrator the run is audited as (required)
 *   --as-drafts              articles wait for review instead of going live
 *   --dry-run                read and check everything, write nothing
 *   --column <slug>          column for pages / posts without a placed category
 *   --batch <n>              new items written per transaction (default 200)
 *   WordPress:  --pages  --map <category>=<column> (repeatable)  --create-under <column>
 *               --uploads <dir> (a copy of wp-content/uploads)  --time-zone <IANA zone>
 *   html:       --base-url <old site address>  --preset trs|hanweb|reference  --config <selectors.json>
 *               --check [--sample N]  (print what would be extracted, write nothing)
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { startProgress } from "./lib/progress";
import { prepareRuntime } from "./lib/runtime";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    as: { type: "string" },
    "as-drafts": { type: "boolean", default: false },
    "dry-run": { type: "boolean", default: false },
    column: { type: "string" },
    pages: { type: "boolean", default: false },
    map: { type: "string", multiple: true, default: [] },
    "create-under": { type: "string" },
    uploads: { type: "string" },
    "time-zone": { type: "string", default: process.env.DISPLAY_TIME_ZONE || "Asia/Shanghai" },
    "base-url": { type: "string" },
    preset: { type: "string" },
    config: { type: "string" },
    check: { type: "boolean", default: false },
    sample: { type: "string", default: "5" },
    concurrency: { type: "string", default: "2" },
    batch: { type: "string", default: "200" },
  },
});

const USAGE = "usage: npm run import -- wordpress <export.xml> --as <admin> [--pages] [--map cat=column] [--create-under column] [--column slug] [--uploads dir] [--as-drafts] [--dry-run]\n       npm run import -- html <folder|urls.txt> --as <admin> --column <slug> [--base-url url] [--preset trs|hanweb|reference] [--config file.json] [--check] [--as-drafts] [--dry-run]";
const fail = (message: string): never => {
  console.error(`[import] ${message}\n${USAGE}`);
  process.exit(2);
};

const [kindArg, input] = positionals;
const kind = kindArg as "wordpress" | "html";
if ((kind !== "wordpress" && kind !== "html") || !input) fail("请指定导入类型（wordpress 或 html）和文件");
if (!fs.existsSync(input)) fail(`找不到 ${input}`);
const concurrency = Number(values.concurrency);
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 8) fail("--concurrency 须为 1 到 8");
const batchSize = Number(values.batch);
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 2000) fail("--batch 须为 1 到 2000");

const { PRESETS, PRESET_NAMES, withConfig } = await import("@/lib/import/site/html/presets");
let selectors = null;
if (kind === "html") {
  if (values.preset && !PRESETS[values.preset]) fail(`没有预设“${values.preset}”（可选：${PRESET_NAMES.join("、")}）`);
  const base = values.preset ? PRESETS[values.preset] : null;
  try {
    selectors = values.config ? withConfig(base, JSON.parse(fs.readFileSync(values.config, "utf8"))) : base;
  } catch (error) {
    fail(`选择器配置 ${values.config} 无法读取：${(error as Error).message}`);
  }
}

if (kind === "html" && values.check) {
  const { checkPages } = await import("@/lib/import/site/html/check");
  const sample = Math.max(1, Number(values.sample) || 5);
  const result = await checkPages({ input, baseUrl: values["base-url"] ?? null, selectors, timeZone: values["time-zone"] }, sample, (l) => console.log(l));
  process.exit(result.failed ? 1 : 0);
}

if (!values.as) fail("请用 --as 指定执行导入的管理员");
if (kind === "html" && !values.column) fail("静态页面导入须用 --column 指定栏目");
const map: Record<string, string> = {};
for (const pair of values.map) {
  const [from, to] = pair.split("=");
  if (!from || !to) fail(`--map ${pair}：应写成 分类=栏目地址`);
  map[from.trim()] = to.trim();
}

const runtime = await prepareRuntime();
let exitCode = 0;
try {
  const { findImportActor } = await import("@/lib/import/site/actor");
  const { ColumnResolver } = await import("@/lib/import/site/columns");
  const { createAssetReader } = await import("@/lib/import/site/assets");
  const { runImport } = await import("@/lib/import/site/run");
  const { formatReport } = await import("@/lib/import/site/report");
  const actor = await findImportActor(values.as!);

  let source: { sourceId: string; entries: AsyncIterable<import("@/lib/import/site/item").SourceEntry>; total: number };
  let assets;
  let categories = new Map<string, { name: string }>();
  if (kind === "wordpress") {
    const { openWordPressExport } = await import("@/lib/import/site/wordpress");
    const wp = await openWordPressExport(input, { pages: values.pages, timeZone: values["time-zone"] });
    if (!wp.siteUrl) throw new Error("导出文件中没有网站地址（wp:base_site_url）：它可能不是 WordPress 导出的 WXR 文件");
    categories = wp.channel.categories;
    source = { sourceId: `wordpress:${wp.siteUrl}`, entries: wp.entries, total: wp.total };
    assets = createAssetReader({ trustedOrigins: [wp.siteUrl], localCopies: values.uploads ? [{ urlPrefix: "/wp-content/uploads/", dir: values.uploads }] : [] });
  } else {
    const { openHtmlSite } = await import("@/lib/import/site/html/source");
    const site = await openHtmlSite({ input, baseUrl: values["base-url"] ?? null, selectors, column: values.column!, status: "publish", timeZone: values["time-zone"] });
    source = { sourceId: site.sourceId, entries: site.entries, total: site.total };
    assets = createAssetReader({ trustedOrigins: site.origins, localCopies: site.folder ? [{ origin: site.origins[0] ?? "http://old-site.invalid", urlPrefix: "/", dir: site.folder }] : [] });
  }
  const columns = new ColumnResolver({ map, createUnder: values["create-under"] ?? null, fallback: values.column ?? null }, categories, actor, values["dry-run"]);
  await columns.check();

  let stopping = false;
  process.on("SIGINT", () => {
    if (stopping) process.exit(130);
    stopping = true;
    console.error("\n[import] 正在停止：写入已读取的条目后结束（再按一次 Ctrl-C 立即退出）。重新运行同一命令即可继续。");
  });
  const bar = startProgress({ label: "导入", unit: "条", total: source.total });
  const started = Date.now();
  const report = await runImport(source.entries, {
    kind,
    source: source.sourceId,
    input,
    actor,
    asDrafts: values["as-drafts"],
    dryRun: values["dry-run"],
    assets,
    columns,
    concurrency,
    batchSize,
    onItem: (done) => bar.update(done),
    stopped: () => stopping,
  });
  bar.stop();
  console.log(formatReport(report));
  console.log(`用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒，内存峰值 ${Math.round(process.resourceUsage().maxRSS / 1024)} MB${stopping ? "；已中途停止，重新运行即可继续" : ""}。`);
  if (report.failed) exitCode = 1;
} catch (error) {
  console.error(`[import] ${(error as Error).message}`);
  exitCode = 1;
} finally {
  const { disconnectDb } = await import("@/lib/db/client");
  await disconnectDb();
  await runtime.stop();
}
process.exit(exitCode);
