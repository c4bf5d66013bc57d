import crypto from "node:crypto";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { openDocx, type DocxPackage } from "./container";
import type { ConvertInput, Converted } from "./convert";
import { DocxError, WordImportInvalid } from "./errors";
import { DOCX_LIMITS } from "./limits";
import { mainDocumentPath, readRelationships, scanDocumentXml, type DocumentScan } from "./scan";
import type { WorkerReply } from "./worker";
import { docxWorkerFile } from "./worker-file";

/**
 * A .docx converted, with what the main thread needs besides: the file is checked and
 * opened within bounds here (./container.ts), what mammoth leaves out is counted in
 * its XML (./scan.ts), and the conversion itself (./convert.ts) runs in a worker thread
 * with its own heap limit and a timeout, at most DOCX_LIMITS.concurrent at a time per
 * instance; more wait in line, up to DOCX_LIMITS.queue.
 */
export interface ReadDocx extends Converted {
  scan: DocumentScan;
}

/** Pictures one document may bring, and their bytes together. */
export const IMAGE_LIMITS = { count: 300, bytes: 100 * 1024 * 1024 };

let running = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= DOCX_LIMITS.concurrent) {
    if (waiting.length >= DOCX_LIMITS.queue) throw new DocxError("busy");
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

async function runWorker(input: ConvertInput): Promise<Converted> {
  const file = await docxWorkerFile();
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, {
      workerData: { gazetteDocx: true },
      resourceLimits: { maxOldGenerationSizeMb: DOCX_LIMITS.workerHeapMb, maxYoungGenerationSizeMb: 48 },
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => finish(() => reject(new DocxError("too-complex", "timed out"))), DOCX_LIMITS.timeoutMs);
    worker.once("message", (reply: WorkerReply) => {
      if (reply.ok) {
        const { ok: _ok, ...converted } = reply;
        return finish(() => resolve(converted));
      }
      if (reply.invalid) return finish(() => reject(new WordImportInvalid(reply.invalid!)));
      if (reply.problem === "damaged") console.warn(`[word import] unreadable document: ${reply.error.split("\n")[0]}`);
      finish(() => reject(new DocxError(reply.problem ?? "damaged", reply.error)));
    });
    // Out of memory (ERR_WORKER_OUT_OF_MEMORY) or a crash: this document alone fails.
    worker.once("error", (error: NodeJS.ErrnoException) => finish(() => reject(new DocxError(/MEMORY/i.test(String(error.code)) ? "too-complex" : "damaged", String(error)))));
    worker.once("exit", () => finish(() => reject(new DocxError("damaged", "the reader stopped"))));
    worker.postMessage(input, [input.data.buffer as ArrayBuffer]);
  });
}

async function altByHash(pkg: DocxPackage, altByPart: Map<string, string>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [part, alt] of altByPart) {
    const bytes = await pkg.read(part);
    if (bytes) out[crypto.createHash("sha256").update(bytes).digest("hex")] = alt;
  }
  return out;
}

export function readDocx(data: Uint8Array): Promise<ReadDocx> {
  return inTurn(() => read(data));
}

async function read(data: Uint8Array): Promise<ReadDocx> {
  const pkg = await openDocx(data);
  const main = mainDocumentPath(await pkg.text("_rels/.rels"));
  const xml = await pkg.text(main);
  if (xml === null) throw new DocxError("not-docx");
  const rels = readRelationships(await pkg.text(path.posix.join(path.posix.dirname(main), "_rels", `${path.posix.basename(main)}.rels`)), main);
  const scan = scanDocumentXml(xml, rels);
  const input: ConvertInput = {
    // The worker gets its own copy of the file (transferred, not shared).
    data: new Uint8Array(data),
    stylesXml: await pkg.text("word/styles.xml"),
    altByHash: await altByHash(pkg, scan.altByPart),
    maxImages: IMAGE_LIMITS.count,
    maxImageBytes: IMAGE_LIMITS.bytes,
  };
  return { ...(await runWorker(input)), scan };
}
