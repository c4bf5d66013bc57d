/** npm run db:migrate | db:seed — against DATABASE_URL, or the embedded database. */
import { prepareRuntime } from "./lib/runtime";

const command = process.argv[2];
if (command !== "migrate" && command !== "seed") {
  console.error("usage: tsx scripts/db.ts migrate|seed");
  process.exit(2);
}
const runtime = await prepareRuntime();
try {
  if (command === "seed") {
    const { seed } = await import("@/lib/seed/seed");
    await seed();
  }
} finally {
  const { disconnectDb } = await import("@/lib/db/client");
  await disconnectDb();
  await runtime.stop();
}
