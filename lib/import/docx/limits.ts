/**
 * How much a Word import may cost. A .docx is a ZIP of XML: a small file can inflate
 * to gigabytes (a "zip bomb"), and reading XML into objects takes many times its size
 * in memory — the app server runs with a 256 MB heap (GAZETTE_HEAP_MB). Every bound is
 * far beyond a government document: a 200-page report with pictures is a few MB, its
 * word/document.xml a few MB more once inflated.
 */
export const DOCX_LIMITS = {
  /** The file as uploaded. */
  fileBytes: 30 * 1024 * 1024,
  /** Entries in the ZIP. */
  entries: 5000,
  /** All entries once inflated. */
  inflatedBytes: 200 * 1024 * 1024,
  /** One XML part once inflated (word/document.xml, styles, notes…). */
  xmlPartBytes: 16 * 1024 * 1024,
  /** The reader's own heap (a worker thread: a document that needs more fails alone). */
  workerHeapMb: 384,
  /** Wall time for reading one document. */
  timeoutMs: 60_000,
  /** Imports read at once per instance; more wait in line, up to `queue`. */
  concurrent: 2,
  queue: 8,
} as const;
