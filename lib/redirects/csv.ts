import { CSV_BOM, csvRow, csvStream } from "@/lib/audit/csv";
import { articlePath, eachRedirect } from "./queries";
import { redirectText as L } from "./text";

/** Every redirect as CSV text chunks (BOM and header first), in batches: never all rows in memory. */
export async function* redirectCsvChunks(): AsyncGenerator<string> {
  yield CSV_BOM + csvRow([L.csvOldUrl, L.csvPath, L.csvTarget, L.csvArticleId, L.csvTitle, L.csvLive]);
  let batch: string[] = [];
  for await (const r of eachRedirect()) {
    batch.push(csvRow([r.oldUrl, r.path, articlePath(r.articleId), r.articleId, r.title, r.live ? L.yes : L.no]));
    if (batch.length >= 500) {
      yield batch.join("");
      batch = [];
    }
  }
  if (batch.length) yield batch.join("");
}

export function redirectCsvStream(): ReadableStream<Uint8Array> {
  return csvStream(redirectCsvChunks());
}
