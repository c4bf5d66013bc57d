import { fill } from "@/lib/i18n/fill";
import { storeNewItems, type NewItem } from "./bulk-store";
import type { ItemMedia } from "./media";
import type { ImportReport } from "./report";
import { importText } from "./text";

/**
 * New items wait here until `size` of them are ready, then are written in one
 * transaction (./bulk-store.ts). If that transaction fails, its items are written one
 * by one, so a bad item is reported with its reason — and its newly stored files
 * removed — without the others of its batch. Counts reach the report only once written.
 */
export interface PendingItem {
  item: NewItem;
  /** The item as the report names it. */
  label: string;
  media: ItemMedia;
  counts: ItemCounts;
}

export interface ItemCounts {
  pictures: number;
  attachments: number;
  redirects: number;
}

export class ImportBatch {
  private pending: PendingItem[] = [];
  private readonly writing = new Map<Promise<void>, Set<string>>();

  constructor(
    private readonly size: number,
    private readonly actorId: number,
    private readonly report: ImportReport,
  ) {}

  /** An item written: its files and addresses, in the report. */
  count(counts: ItemCounts): void {
    this.report.pictures += counts.pictures;
    this.report.attachments += counts.attachments;
    this.report.redirects += counts.redirects;
  }

  async add(item: PendingItem): Promise<void> {
    this.pending.push(item);
    if (this.pending.length >= this.size) await this.flush();
  }

  /** Returns once no item with this key waits or is being written. */
  async settle(key: string): Promise<void> {
    if (this.pending.some((p) => p.item.input.key === key)) await this.flush();
    await Promise.all([...this.writing].filter(([, keys]) => keys.has(key)).map(([write]) => write));
  }

  /** Writes what waits (other batches may still be under way). */
  async flush(): Promise<void> {
    const items = this.pending.splice(0);
    if (items.length === 0) return;
    const write = this.write(items);
    this.writing.set(write, new Set(items.map((p) => p.item.input.key)));
    try {
      await write;
    } finally {
      this.writing.delete(write);
    }
  }

  /** Writes what waits and waits for every batch under way. */
  async finish(): Promise<void> {
    await this.flush();
    await Promise.all(this.writing.keys());
  }

  private async write(items: PendingItem[]): Promise<void> {
    try {
      await storeNewItems(items.map((p) => p.item), this.actorId);
      items.forEach((p) => this.written(p));
    } catch {
      for (const p of items) {
        try {
          await storeNewItems([p.item], this.actorId);
          this.written(p);
        } catch (error) {
          await p.media.discard().catch(() => {});
          this.report.failed++;
          this.report.problems.push({ item: p.label, problem: fill(importText.problems.failed, { message: (error as Error).message.split("\n")[0].slice(0, 300) }), failed: true });
        }
      }
    }
  }

  private written(p: PendingItem): void {
    this.report.imported++;
    this.count(p.counts);
  }
}
