import { PrismaClient } from "~/generated/prisma/client";
import { createAdapter } from "./adapter.server";

export type Db = InstanceType<typeof PrismaClient>;

export function createPrismaClient(databaseUrl: string, poolSize = 10): Db {
  return new PrismaClient({ adapter: createAdapter(databaseUrl, { max: poolSize }) });
}

let client: Db | undefined;

/**
 * The process-wide client. The server resolves the database (embedded or DATABASE_URL)
 * before loading the app, so DATABASE_URL is always set by the time this runs.
 */
export function db(): Db {
  if (!client) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start` (server.ts), which sets it.");
    client = createPrismaClient(url, Number(process.env.DATABASE_POOL_SIZE || 10));
  }
  return client;
}

export async function disconnectDb() {
  await client?.$disconnect();
  client = undefined;
}
