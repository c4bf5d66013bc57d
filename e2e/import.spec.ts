import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { send, startImageServer, type ImageServer } from "../test/image-server";
import { accounts } from "./helpers/accounts";
import { e2eRuntime } from "./helpers/instances";
import { as } from "./helpers/workflow";

/**
 * Moving in: an administrator imports the old WordPress site with `npm run import`
 * (against the running instance's database), and a reader who follows an old link
 * lands on the new article, with its picture brought home from the old site.
 */
const run = promisify(execFile);
const FIXTURES = path.join("lib", "import", "site", "fixtures");

let oldSite: ImageServer;
let exportFile: string;

test.beforeAll(async () => {
  oldSite = await startImageServer({
    "/wp-content/uploads/2023/07/shifanyuan.png": send(fs.readFileSync(path.join(FIXTURES, "shifanyuan.png")), "image/png"),
    "/wp-content/uploads/2023/07/shishi-fangan.pdf": send(fs.readFileSync(path.join(FIXTURES, "shishi-fangan.pdf")), "application/pdf"),
  });
  const xml = fs.readFileSync(path.join(FIXTURES, "wordpress-export.xml"), "utf8").replaceAll("http://old.example.gov.cn", oldSite.origin);
  exportFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "gazette-e2e-import-")), "export.xml");
  fs.writeFileSync(exportFile, xml);
});

test.afterAll(async () => {
  await oldSite.close();
  fs.rmSync(path.dirname(exportFile), { recursive: true, force: true });
});

/**
 * Every category is mapped to a demo column: the journeys share one database, and a column
 * the import created (a second 通知公告) would show in every later journey's navigation.
 * Creating columns under a parent is tested in lib/import/site/run.test.ts.
 */
async function importSite(): Promise<string> {
  const runtime = e2eRuntime();
  const args = ["tsx", "--conditions=react-server", "scripts/import.ts", "wordpress", exportFile, "--as", accounts.admin.email, "--map", "news=wuhai-news", "--map", "notice=notices", "--map", "%e6%94%bf%e7%ad%96=government-documents", "--column", "headlines"];
  try {
    const { stdout } = await run("npx", args, {
      env: { ...process.env, DATABASE_URL: runtime.databaseUrl, DATA_DIR: runtime.dataDir, NEXTAUTH_SECRET: runtime.secret },
      timeout: 150_000,
    });
    return stdout;
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run import failed: ${(error as Error).message}\n${stdout}\n${stderr}`);
  }
}

test("an old address leads to the imported article, with its picture", async ({ page, browser }) => {
  // Two runs of the CLI, each starting its own Node.js and TypeScript loader.
  test.setTimeout(300_000);
  const first = await importSite();
  expect(first).toContain("新导入 3 篇");
  // A second run changes nothing and adds nothing.
  expect(await importSite()).toContain("无变化跳过 3 篇");

  await page.goto("/2023/07/30/wudarenwu/?from=weixin");
  await expect(page).toHaveURL(/\/articles\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("乌海：笃行实干 奋勇争先 全力推动“五大任务”见行见效");
  await expect(page.getByText("2023-07-30 18:04")).toBeVisible();
  const picture = page.getByRole("img", { name: "十七公里水土保持综合治理示范园" });
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(page.getByRole("link", { name: "实施方案" }).first()).toHaveAttribute("href", /^\/media\/files\//);

  const admin = await as(browser, "admin", "/admin/redirects");
  await expect(admin.getByTestId("redirect-check")).toContainText("目标文章全部公开");
  await admin.getByLabel("搜索旧网址、文章标题或编号").fill("wudarenwu");
  await admin.getByRole("button", { name: "筛选" }).click();
  await expect(admin.getByRole("link", { name: "乌海：笃行实干 奋勇争先 全力推动“五大任务”见行见效" })).toBeVisible();
  await admin.close();
});
