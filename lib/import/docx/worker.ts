import { parentPort, workerData } from "node:worker_threads";
import { convertDocx, type ConvertInput } from "./convert";
import { DocxError, WordImportInvalid } from "./errors";
import { TooManyPictures } from "./mammoth";

/**
 * The reader's worker thread: one document, then it ends. ./read.ts starts it with its
 * own heap limit and a timeout — mammoth's README asks for untrusted documents to be
 * read in isolation, and the cleanup's DOM work on a long document is seconds of CPU
 * that would otherwise stall every request of the instance.
 */
export type WorkerReply =
  | ({ ok: true } & Awaited<ReturnType<typeof convertDocx>>)
  | { ok: false; problem?: DocxError["problem"]; invalid?: string[]; error: string };

if (parentPort && workerData?.gazetteDocx) {
  const port = parentPort;
  port.once("message", async (input: ConvertInput) => {
    let reply: WorkerReply;
    try {
      reply = { ok: true, ...(await convertDocx(input)) };
    } catch (error) {
      const message = String((error as Error)?.stack ?? error);
      if (error instanceof DocxError) reply = { ok: false, problem: error.problem, error: message };
      else if (error instanceof WordImportInvalid) reply = { ok: false, invalid: error.problems, error: message };
      else if (error instanceof TooManyPictures) reply = { ok: false, problem: "too-complex", error: message };
      // mammoth's own failures are files it cannot read.
      else reply = { ok: false, problem: "damaged", error: message };
    }
    port.postMessage(reply, reply.ok ? reply.images.map((i) => i.bytes.buffer) : []);
  });
}
