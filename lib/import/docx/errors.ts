/** Why a file cannot be imported: each has its message (./report.ts). */
export type DocxProblem = "empty" | "too-large" | "legacy" | "encrypted" | "damaged" | "not-docx" | "too-complex" | "busy";

export class DocxError extends Error {
  constructor(
    readonly problem: DocxProblem,
    detail?: string,
  ) {
    super(detail ? `${problem}: ${detail}` : problem);
    this.name = "DocxError";
  }
}

/** The document does not fit an article (a table past the bounds…): what the save would say. */
export class WordImportInvalid extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(" "));
    this.name = "WordImportInvalid";
  }
}
