import pg from "pg";
import { poolConfigFromUrl } from "./connection";

/**
 * Who owns what in Gazette's database. The app connects as its own login role, which is
 * no superuser (a superuser can read the server's files and run programs on it) and
 * owns the site's tables, nothing else: not the database, not the schema (a schema's
 * owner may drop any table in it) and not the audit log. The audit log belongs to a
 * role nobody logs in as; the app may only read it and append to it, so neither a bug
 * nor an injected statement can empty it, rewrite it or switch its triggers off.
 *
 * Migrations and restores run as the administrator (the embedded cluster's superuser,
 * or DATABASE_ADMIN_URL's role): changing the audit table takes its owner, which the
 * app must not be able to act as. This step then hands every new table to the app.
 */
export const APP_ROLE = "gazette";
export const AUDIT_OWNER = "gazette_audit";

/** Tables the app may read and append to, never change: owned by AUDIT_OWNER. */
export const APPEND_ONLY_TABLES = ["AuditEntry"];
/** Prisma's record of applied migrations: the administrator's; the app reads it to see what is pending. */
const MIGRATIONS_TABLE = "_prisma_migrations";

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Creates the audit owner when missing (the embedded cluster's superuser can; elsewhere the operator did: docs/deploy.md). */
async function ensureAuditOwner(client: pg.Client | pg.PoolClient) {
  const found = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [AUDIT_OWNER]);
  if (found.rowCount === 0) await client.query(`CREATE ROLE ${quote(AUDIT_OWNER)} NOLOGIN`);
}

/**
 * Gives the app role its tables and the audit owner the audit log, and grants the app
 * what it needs of the rest. Idempotent, and changes an owner only where it differs
 * (ALTER … OWNER locks the table), so running it on every start costs a few reads.
 */
export async function grantToAppRole(client: pg.Client | pg.PoolClient, appRole: string) {
  await ensureAuditOwner(client);
  const app = quote(appRole);
  await client.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
  // An administrator who is no superuser may hand a table only to a role that could have created it there.
  const superuser = (await client.query<{ s: boolean }>("SELECT rolsuper AS s FROM pg_roles WHERE rolname = current_user")).rows[0]?.s;
  if (!superuser) await client.query(`GRANT CREATE ON SCHEMA public TO ${app}, ${quote(AUDIT_OWNER)}`);
  // Relations not owned through a table (an identity column's sequence follows its table).
  const { rows } = await client.query<{ name: string; kind: string; owner: string }>(`
    SELECT c.relname AS name, c.relkind::text AS kind, pg_get_userbyid(c.relowner) AS owner
    FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
    ORDER BY c.relname`);
  const keyword: Record<string, string> = { r: "TABLE", p: "TABLE", v: "VIEW", m: "MATERIALIZED VIEW", S: "SEQUENCE", f: "FOREIGN TABLE" };
  for (const { name, kind, owner } of rows) {
    if (name === MIGRATIONS_TABLE) {
      await client.query(`GRANT SELECT ON public.${quote(name)} TO ${app}`);
      continue;
    }
    const target = APPEND_ONLY_TABLES.includes(name) ? AUDIT_OWNER : appRole;
    if (owner !== target) await client.query(`ALTER ${keyword[kind]} public.${quote(name)} OWNER TO ${quote(target)}`);
    if (target === AUDIT_OWNER) {
      await client.query(`REVOKE ALL ON public.${quote(name)} FROM ${app}`);
      await client.query(`GRANT SELECT, INSERT ON public.${quote(name)} TO ${app}`);
      const sequence = await client.query<{ seq: string | null }>(`SELECT pg_get_serial_sequence($1, 'id') AS seq`, [`public.${quote(name)}`]);
      if (sequence.rows[0]?.seq) await client.query(`GRANT USAGE ON SEQUENCE ${sequence.rows[0].seq} TO ${app}`);
    }
  }
}

/** Connects as the administrator and runs grantToAppRole. */
export async function prepareAppRole(adminUrl: string, appRole: string) {
  const client = new pg.Client(poolConfigFromUrl(adminUrl));
  await client.connect();
  try {
    await client.query("BEGIN");
    // Instances starting together would otherwise GRANT at once ("tuple concurrently updated").
    await client.query("SELECT pg_advisory_xact_lock(hashtext('gazette.roles'))");
    await grantToAppRole(client, appRole);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * For a DATABASE_URL given by the operator: says plainly when the app's role can do
 * more than it should (docs/deploy.md shows how to set up the roles).
 */
export async function describeConnectedRole(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client(poolConfigFromUrl(databaseUrl));
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; superuser: boolean; owns_audit: boolean }>(`
      SELECT current_user AS name, r.rolsuper AS superuser,
        coalesce((SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c WHERE c.oid = to_regclass('public."AuditEntry"')), false) AS owns_audit
      FROM pg_roles r WHERE r.rolname = current_user`);
    const role = rows[0];
    const warnings: string[] = [];
    if (role?.superuser) {
      warnings.push(
        `WARNING: DATABASE_URL connects as "${role.name}", a PostgreSQL superuser: a flaw in the app would then reach the whole server (its files, other databases, programs). Give Gazette a role of its own (docs/deploy.md, "PostgreSQL roles").`,
      );
    } else if (role?.owns_audit) {
      warnings.push(
        `note: DATABASE_URL's role "${role.name}" owns the audit log, so it could switch its append-only triggers off. For an audit log the app cannot change, set DATABASE_ADMIN_URL (docs/deploy.md, "PostgreSQL roles").`,
      );
    }
    return warnings;
  } finally {
    await client.end();
  }
}
