import { startEmbeddedPostgres } from "../lib/db/embedded";
const h = await startEmbeddedPostgres({ dir: "/work/main/data/postgres", port: 54329, database: "gazette" });
console.log("URL", h.url);
process.on("SIGTERM", async () => { await h.stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);
