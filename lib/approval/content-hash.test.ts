import { describe, expect, it } from "vitest";
import { groupedHash, revisionContentHash, type HashedRevision } from "./content-hash";

const revision: HashedRevision = {
  title: "关于做好2026年元旦春节期间有关工作的通知",
  titleTags: ["通知"],
  subtitle: "",
  author: "市政府办公室",
  source: "乌海市人民政府",
  summary: "",
  bodyHtml: "<p>各区人民政府，市直各有关部门：</p>",
  coverId: null,
  coverAlt: "",
  indexNo: null,
  topic: null,
  issuingOrg: null,
  writtenAt: new Date("2026-12-01T00:00:00Z"),
  docNo: "乌府办发〔2026〕12号",
  attachments: [{ mediaId: 3, name: "附件1.docx" }],
};

describe("revisionContentHash", () => {
  it("is a SHA-256 that stays the same for the same content", () => {
    const hash = revisionContentHash(revision);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(revisionContentHash({ ...revision, titleTags: [...revision.titleTags] })).toBe(hash);
    // The database may hand back JSON keys in another order: same content, same hash.
    expect(revisionContentHash({ ...revision, attachments: [{ name: "附件1.docx", mediaId: 3 }] })).toBe(hash);
    // The recipe is fixed (a change would void every printed form): SHA-256 of the JSON list of
    // [field, value] pairs, the date as YYYY-MM-DD — computed outside this code with Node's crypto.
    expect(hash).toBe("5405c5c6495e76b73a158277197da32cc5cf4daf3deeba64c4dcee324a8b0413");
  });

  it("changes when anything the public sees changes", () => {
    const hash = revisionContentHash(revision);
    const changes: Partial<HashedRevision>[] = [
      { title: `${revision.title}。` },
      { bodyHtml: "<p>各区人民政府，市直各有关部门:</p>" },
      { docNo: "乌府办发〔2026〕13号" },
      { writtenAt: new Date("2026-12-02T00:00:00Z") },
      { attachments: [{ mediaId: 4, name: "附件1.docx" }] },
      { titleTags: [] },
      { coverAlt: "封面" },
    ];
    for (const change of changes) expect(revisionContentHash({ ...revision, ...change }), JSON.stringify(change)).not.toBe(hash);
  });

  it("prints in groups of eight", () => {
    expect(groupedHash("a".repeat(64)).split(" ")).toHaveLength(8);
  });
});
