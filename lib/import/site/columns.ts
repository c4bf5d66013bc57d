import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { createColumn } from "@/lib/columns/mutations";
import { SLUG_PATTERN } from "@/lib/columns/schema";
import type { AuditActor } from "@/lib/audit/by";
import { fill } from "@/lib/i18n/fill";
import { importText } from "./text";

/**
 * Which column an item goes to. A category (WordPress) is looked up, in order: in the
 * `--map slug=columnSlug` list; as a column with the same address; or, with
 * `--create-under <columnSlug>`, created there as a new column named like the
 * category. A category none of these place is reported with the item; the item goes
 * to the first category that is placed, else to `--column`, else it fails.
 */
export interface ColumnPlan {
  map: Record<string, string>;
  createUnder: string | null;
  /** For items without a placed category (every static page). */
  fallback: string | null;
}

export interface CategoryInfo {
  name: string;
}

export type Placed = { ok: true; columnId: number; notes: string[] } | { ok: false; reason: string };

const P = importText.problems;

/** A column address for a category: its own slug when it is one, else a stable one from its name. */
export function columnSlugFor(categorySlug: string): string {
  let decoded = categorySlug;
  try {
    decoded = decodeURIComponent(categorySlug);
  } catch {
    // kept as written
  }
  const plain = decoded.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 50);
  if (plain && SLUG_PATTERN.test(plain) && plain === decoded.toLowerCase()) return plain;
  return `wp-${plain ? `${plain}-` : ""}${crypto.createHash("sha1").update(decoded).digest("hex").slice(0, 6)}`.slice(0, 60);
}

export class ColumnResolver {
  private readonly bySlug = new Map<string, number | null>();
  /** One placement per category, shared by the items placed at the same time (a column is created once). */
  private readonly placing = new Map<string, Promise<number | null>>();
  readonly created: string[] = [];

  constructor(
    private readonly plan: ColumnPlan,
    private readonly categories: ReadonlyMap<string, CategoryInfo>,
    private readonly actor: AuditActor,
    private readonly dryRun: boolean,
  ) {}

  /** Checks the plan's own columns before the run starts; throws a message naming the one missing. */
  async check(): Promise<void> {
    const named = [...Object.values(this.plan.map), this.plan.createUnder, this.plan.fallback].filter((s): s is string => !!s);
    for (const slug of named) if ((await this.column(slug)) === null) throw new Error(`栏目“${slug}”不存在`);
  }

  private async column(slug: string): Promise<number | null> {
    if (!this.bySlug.has(slug)) {
      const row = await db().column.findUnique({ where: { slug }, select: { id: true } });
      this.bySlug.set(slug, row?.id ?? null);
    }
    return this.bySlug.get(slug)!;
  }

  private placeCategory(category: string): Promise<number | null> {
    let placed = this.placing.get(category);
    if (!placed) {
      placed = this.findOrCreate(category);
      this.placing.set(category, placed);
      // A failure is not remembered: the next item tries again.
      placed.catch(() => this.placing.delete(category));
    }
    return placed;
  }

  private async findOrCreate(category: string): Promise<number | null> {
    const mapped = this.plan.map[category];
    if (mapped) return this.column(mapped);
    const slug = columnSlugFor(category);
    const same = await this.column(slug);
    if (same !== null || !this.plan.createUnder) return same;
    const parentId = await this.column(this.plan.createUnder);
    if (parentId === null) return null;
    if (this.dryRun) {
      // Nothing is written in a dry run: the column that would be made stands in.
      this.created.push(slug);
      this.bySlug.set(slug, parentId);
      return parentId;
    }
    const name = (this.categories.get(category)?.name || category).slice(0, 30);
    // Uncategorised: the admin files it under a 年度报表 category afterwards (站点体检 lists it).
    const column = await createColumn({ name, slug, description: "", parentId, reviewLevels: 1, hidden: false, reportCategory: null, updateEveryDays: null }, this.actor);
    this.created.push(slug);
    this.bySlug.set(slug, column.id);
    return column.id;
  }

  async place(categories: string[]): Promise<Placed> {
    const notes: string[] = [];
    let columnId: number | null = null;
    const unknown: string[] = [];
    for (const category of categories) {
      const id = await this.placeCategory(category);
      if (id === null) unknown.push(category);
      else columnId ??= id;
    }
    if (columnId === null && this.plan.fallback) columnId = await this.column(this.plan.fallback);
    if (columnId === null) return { ok: false, reason: fill(P.noColumn, { categories: categories.join("、") || "（无）" }) };
    const columnName = unknown.length ? ((await db().column.findUnique({ where: { id: columnId }, select: { name: true } }))?.name ?? "") : "";
    for (const category of unknown) notes.push(fill(P.unknownCategory, { category, column: columnName }));
    return { ok: true, columnId, notes };
  }
}
