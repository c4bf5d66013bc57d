/** A workflow event as the form reads it. */
export interface FormEvent {
  id: number;
  action: string;
  level: number;
  version: number | null;
  comment: string;
  createdAt: Date;
  actor: { name: string } | null;
}

export interface FormLevel {
  level: number;
  /** Null: the level has not been decided in this round. */
  reviewer: string | null;
  decision: "approved" | "returned" | null;
  comment: string;
  at: Date | null;
  version: number | null;
}

export interface FormRound {
  /** Is this the round that published the article (else the current one)? */
  published: boolean;
  submitter: string | null;
  submittedAt: Date | null;
  levels: FormLevel[];
  publisher: string | null;
  publishedAt: Date | null;
  /** The version the last level approved, or (not yet approved) the one submitted. */
  version: number | null;
  approved: boolean;
}

/**
 * The round a 审签单 records, from the article's history (oldest first): the one that
 * ended in the latest publication, or else the current one. A round begins at a
 * submission; an edit during review ("restart") voids the approvals before it; a
 * return (退回) ends it with that level's decision.
 */
export function roundOfForm(events: FormEvent[], reviewLevels: number): FormRound {
  const lastPublish = findLastIndex(events, (e) => e.action === "publish" || e.action === "publishDue");
  const end = lastPublish >= 0 ? lastPublish : events.length - 1;
  const submitIndex = findLastIndex(events.slice(0, end + 1), (e) => e.action === "submit");
  const levels: FormLevel[] = Array.from({ length: reviewLevels }, (_, i) => ({ level: i + 1, reviewer: null, decision: null, comment: "", at: null, version: null }));
  const round: FormRound = { published: lastPublish >= 0, submitter: null, submittedAt: null, levels, publisher: null, publishedAt: null, version: null, approved: false };
  if (submitIndex < 0) return round;
  const submit = events[submitIndex];
  Object.assign(round, { submitter: submit.actor?.name ?? null, submittedAt: submit.createdAt, version: submit.version });
  let passed = 0;
  for (const e of events.slice(submitIndex + 1, end + 1)) {
    if (e.action === "restart") {
      passed = 0;
      for (const l of levels) Object.assign(l, { reviewer: null, decision: null, comment: "", at: null, version: null });
      round.version = e.version;
    } else if (e.action === "approve" && e.level >= 1 && e.level <= reviewLevels) {
      Object.assign(levels[e.level - 1], { reviewer: e.actor?.name ?? null, decision: "approved", comment: e.comment, at: e.createdAt, version: e.version });
      passed = e.level;
      round.version = e.version ?? round.version;
      round.approved = passed >= reviewLevels;
    } else if (e.action === "reject" && passed < reviewLevels) {
      Object.assign(levels[passed], { reviewer: e.actor?.name ?? null, decision: "returned", comment: e.comment, at: e.createdAt, version: null });
    } else if (e.action === "publish" || e.action === "publishDue") {
      Object.assign(round, { publisher: e.actor?.name ?? null, publishedAt: e.createdAt });
    }
  }
  return round;
}

function findLastIndex<T>(list: T[], test: (item: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i])) return i;
  return -1;
}
