/**
 * A read query run by one process, without parallel workers. The analysis pages read a few
 * thousand rows per query: starting workers costs more than they save (100 ms and more on a
 * busy machine, measured on the results and written-answers pages). `settings` are further
 * SET LOCAL commands for the same query.
 */
import type { Prisma } from "~/generated/prisma/client";
import { db } from "./client.server";

export async function serialQuery<T>(query: Prisma.Sql, settings: Prisma.Sql[] = []): Promise<T[]> {
  const results = await db().$transaction([
    db().$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`,
    ...settings.map((s) => db().$executeRaw(s)),
    db().$queryRaw<T[]>(query),
  ]);
  return results.at(-1) as T[];
}
