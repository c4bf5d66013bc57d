import {
  COMMON, HEADINGS, NEWS_TITLES, NOTICE_TITLES, OFFICES, PLACES, POLICY_TITLES, SOURCES, TITLE_TAGS, TOPICS,
  WITHDRAW_REASONS, type Topic,
} from "./vocabulary";

/**
 * One synthetic government article, built from the word lists. Deterministic: the same
 * seed and index always give the same article, so benchmark runs are comparable and
 * workers can build their share independently.
 */
export type SyntheticState = "published" | "edited" | "draft" | "inReview" | "scheduled" | "withdrawn";

export interface SyntheticBlock {
  type: "paragraph" | "heading";
  text: string;
}

export interface SyntheticContent {
  title: string;
  summary: string;
  blocks: SyntheticBlock[];
}

export interface SyntheticArticle {
  columnId: number;
  titleTags: string[];
  author: string;
  source: string;
  /** What the public sees (the live revision) — or the only version, when never published. */
  live: SyntheticContent;
  /** For "edited": the working copy under review, which differs from `live`. */
  working: SyntheticContent | null;
  state: SyntheticState;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
  createdAt: Date;
  viewCount: number;
}

export interface SyntheticColumn {
  id: number;
  slug: string;
}

/** mulberry32: small, fast, good enough for picking words. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const SPAN_DAYS = 8 * 365;
const TOPIC_WEIGHT = TOPICS.reduce((sum, t) => sum + t.weight, 0);

/** Where an article falls in its run: the `at`-th (from 0) of `of`, oldest first. */
export interface RunOrder {
  at: number;
  of: number;
}

/**
 * The index-th synthetic article of a seed. Given its place in the run, it is dated in
 * the order a site writes its articles, so that ids grow with time as on a real site (a
 * random date per id spreads each month's articles over the whole id range, and every
 * index scan with them); without, its date is anywhere within the span.
 */
export function composeArticle(seed: number, index: number, columns: SyntheticColumn[], now: Date, order?: RunOrder): SyntheticArticle {
  const rnd = random(seed * 1_000_003 + index);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const topic = pickTopic(rnd());
  const topicName = pick(topic.names);
  const place = pick(PLACES);
  const office = pick(OFFICES);
  const fill = (template: string) =>
    template.replace(/\{(\w+)\}/g, (_, key: string) => {
      switch (key) {
        case "place": return place;
        case "office": return office;
        case "topic": return topicName;
        case "n": return String(int(2, 980));
        case "pct": return `${int(1, 99)}.${int(0, 9)}%`;
        case "money": return `${int(1, 95)}.${int(1, 9)}亿元`;
        case "month": return String(int(1, 12));
        case "day": return String(int(1, 28));
        default: return key;
      }
    });

  const column = pick(columns);
  const kind = /notice|document|gongao|tongzhi/i.test(column.slug) ? NOTICE_TITLES : /policy|interpret/i.test(column.slug) ? POLICY_TITLES : NEWS_TITLES;
  const content = (): SyntheticContent => {
    const blocks: SyntheticBlock[] = [];
    const withHeadings = kind !== NEWS_TITLES && rnd() < 0.6;
    const paragraphs = int(6, 12);
    for (let p = 0; p < paragraphs; p++) {
      if (withHeadings && p % 2 === 0 && p / 2 < HEADINGS.length) blocks.push({ type: "heading", text: HEADINGS[p / 2] });
      const sentences = Array.from({ length: int(2, 6) }, () => fill(rnd() < 0.6 ? pick(topic.facts) : pick(COMMON)));
      blocks.push({ type: "paragraph", text: sentences.join("") });
    }
    return { title: fill(pick(kind)), summary: rnd() < 0.6 ? fill(pick(topic.facts)) : "", blocks };
  };

  const live = content();
  const jitter = rnd();
  const age = order ? 1 - (order.at + jitter) / order.of : jitter;
  const createdAt = new Date(now.getTime() - age * SPAN_DAYS * DAY);
  const roll = rnd();
  const state: SyntheticState =
    roll < 0.9 ? "published" : roll < 0.93 ? "edited" : roll < 0.96 ? "draft" : roll < 0.975 ? "inReview" : roll < 0.985 ? "scheduled" : "withdrawn";
  const published = state === "published" || state === "edited" || state === "withdrawn";
  let working: SyntheticContent | null = null;
  if (state === "edited") {
    const revised = content();
    working = { title: `${live.title}（修订）`, summary: live.summary, blocks: [...live.blocks, ...revised.blocks.slice(0, 1)] };
  }
  return {
    columnId: column.id,
    titleTags: rnd() < 0.1 ? [pick(TITLE_TAGS)] : [],
    author: office,
    source: pick(SOURCES),
    live,
    working,
    state,
    publishedAt: published ? new Date(Math.min(createdAt.getTime() + int(1, 48) * 3_600_000, now.getTime() - 60_000)) : null,
    scheduledAt: state === "scheduled" ? new Date(now.getTime() + int(1, 30) * DAY) : null,
    withdrawnAt: state === "withdrawn" ? new Date(createdAt.getTime() + int(3, 90) * DAY) : null,
    withdrawnReason: state === "withdrawn" ? pick(WITHDRAW_REASONS) : null,
    createdAt,
    viewCount: published ? int(0, 5000) : 0,
  };
}

function pickTopic(r: number): Topic {
  let left = r * TOPIC_WEIGHT;
  for (const topic of TOPICS) {
    left -= topic.weight;
    if (left < 0) return topic;
  }
  return TOPICS[TOPICS.length - 1];
}
