/**
 * The one place that adapts Prisma 6.19's driver adapter for PostgreSQL (@prisma/adapter-pg)
 * so that both the app and the Prisma CLI (migrate dev|deploy|status, through the WASM schema
 * engine) run offline on plain `pg`. Each shim is tested in tests/integration/adapter.test.ts.
 * See docs/decisions/001-prisma-offline.md.
 */
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

/** PostgreSQL type OIDs the engine cannot decode: `name` and the one-byte `"char"`. */
const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

type Field = { dataTypeID: number };
type QueryResultLike = { fields?: Field[] } | Array<{ fields?: Field[] }>;

function reportAsText(result: QueryResultLike | undefined) {
  const results = Array.isArray(result) ? result : result ? [result] : [];
  for (const r of results) {
    for (const field of r.fields ?? []) {
      if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

/**
 * Shim 2: the schema engine describes the catalog (pg_namespace.nspname, pg_class.relkind...)
 * whose columns are `name` and `"char"`; adapter-pg throws UnsupportedNativeDataType for them.
 * Both arrive as plain strings in pg's text protocol, so reporting them as `text` is exact.
 * pg.Pool calls `client.query(config, values, callback)`, so the callback form is patched too.
 */
export class CatalogFriendlyClient extends pg.Client {
  // pg's overloads are many; this wrapper forwards whatever it gets.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      const callback = last as (err: Error | null, res?: QueryResultLike) => void;
      args[args.length - 1] = (err: Error | null, res?: QueryResultLike) => callback(err, reportAsText(res));
      return callPgQuery(this, args);
    }
    const returned = callPgQuery(this, args);
    if (returned && typeof returned.then === "function") {
      return returned.then((res: QueryResultLike) => reportAsText(res));
    }
    return returned; // a Submittable (e.g. a cursor): nothing to patch
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const callPgQuery = (client: pg.Client, args: any[]): any => (pg.Client.prototype.query as any).apply(client, args);

/** Connection fields, never a connectionString: see shim 3. */
export type PgConnection = {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  ssl?: pg.PoolConfig["ssl"];
};

export function parseDatabaseUrl(url: string): PgConnection {
  const u = new URL(url);
  if (u.protocol !== "postgresql:" && u.protocol !== "postgres:") {
    throw new Error(`DATABASE_URL must start with postgresql://, got ${u.protocol}//`);
  }
  const sslmode = u.searchParams.get("sslmode");
  return {
    host: decodeURIComponent(u.hostname) || "localhost",
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
    ssl: sslmode && sslmode !== "disable" ? { rejectUnauthorized: sslmode === "verify-full" } : undefined,
  };
}

type Connection = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * Shim 4: adapter-pg's executeScript (how the schema engine applies a migration) splits the
 * script on every `;`, even inside a PL/pgSQL body, a string or a comment, and runs the
 * pieces one by one, so a failure leaves the statements before it applied. Sent as ONE query
 * over PostgreSQL's simple protocol, as Prisma's native engine does, the server parses the
 * script itself and runs it in one implicit transaction: a migration applies all or nothing
 * (so it cannot hold CREATE INDEX CONCURRENTLY, ALTER TYPE ... ADD VALUE or VACUUM).
 * PrismaPgAdapter is not exported, so the connection object is patched, not subclassed; its
 * own onError turns a pg error into the DriverAdapterError the engine expects.
 */
function runScriptsWhole(connection: Connection): Connection {
  const pool = connection.underlyingDriver() as pg.Pool;
  const onError = (connection as unknown as { onError(error: unknown): never }).onError.bind(connection);
  connection.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      onError(error);
    }
  };
  return connection;
}

/**
 * Shim 3: `migrate dev` needs a shadow database. adapter-pg builds its pool from
 * `{ ...config, database }`, which a connectionString would override (so the shadow pool
 * would talk to the main database), and it drops the shadow database before ending the
 * shadow pool, which PostgreSQL refuses ("being accessed by other users"). Here the config
 * holds fields, and disposal ends the shadow pool first, then drops, then ends the admin pool.
 * Every connection handed out, the shadow database's included, runs scripts whole (shim 4).
 */
export class ConsultPrismaPg extends PrismaPg {
  constructor(private readonly connection: PgConnection, poolOptions: Partial<pg.PoolConfig> = {}) {
    super({ ...connection, ...poolOptions, Client: CatalogFriendlyClient } as pg.PoolConfig);
  }

  override async connect() {
    return runScriptsWhole(await super.connect());
  }

  override async connectToShadowDb() {
    const admin = await this.connect();
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new ConsultPrismaPg({ ...this.connection, database }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      try {
        await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      } finally {
        await admin.dispose();
      }
    };
    return shadow;
  }
}

export function createAdapter(databaseUrl: string, poolOptions: Partial<pg.PoolConfig> = {}) {
  return new ConsultPrismaPg(parseDatabaseUrl(databaseUrl), poolOptions);
}

/**
 * Shim 1: the Prisma CLI looks for native engines at start and would try to download them
 * (there is no network). With engine "js" it never runs them, so pointing both variables at
 * a placeholder path is enough to skip the download.
 */
export function skipNativeEngineDownload(placeholder: string) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= placeholder;
  process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= placeholder;
}
