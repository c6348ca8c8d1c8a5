/**
 * Small groups in aggregate views (decision 015). A reader who may not see every
 * organisation's name (an analyst) must not read figures that are one or two organisations'
 * answers: filtered by country, or in the column of a type only one organisation of which
 * submitted (the tracking page says which), such a group names the organisation as surely as
 * its name would.
 *
 * For such readers: a set (filtered or not) of fewer than MIN_GROUP submitted
 * responses shows no figures at all; within a larger set, stakeholder types with fewer than
 * MIN_GROUP responses are pooled into one column, left out when the pool is small too (and then
 * from the totals as well, so no difference of two shown figures gives them back).
 * Coordinators see every figure.
 */
export const MIN_GROUP = 3;

export type TypeGroup = { key: string; label: string; respondents: number };
/** A column of the results: one stakeholder type, or several small ones pooled. */
export type ResultColumn = TypeGroup & { members: string[] };

export const POOLED_KEY = "other-types";

export type SmallGroupGuard = {
  columns: ResultColumn[];
  /** No figures at all: the filtered set itself is too small. */
  withheldAll: boolean;
  /** Responses of small types pooled into "Other types". */
  pooled: number;
  /** Responses left out of every figure (small types whose pool is small too). */
  leftOut: number;
};

export function guardSmallGroups(types: TypeGroup[], applies: boolean): SmallGroupGuard {
  const single = (t: TypeGroup): ResultColumn => ({ ...t, members: [t.key] });
  if (!applies) return { columns: types.map(single), withheldAll: false, pooled: 0, leftOut: 0 };
  const total = types.reduce((a, t) => a + t.respondents, 0);
  if (total < MIN_GROUP) return { columns: [], withheldAll: total > 0, pooled: 0, leftOut: 0 };
  const large = types.filter((t) => t.respondents >= MIN_GROUP);
  const small = types.filter((t) => t.respondents < MIN_GROUP);
  const smallTotal = small.reduce((a, t) => a + t.respondents, 0);
  const columns = large.map(single);
  if (smallTotal >= MIN_GROUP) {
    const label = large.length > 0 ? "Other types (fewer than 3 responses each)" : "All types together (fewer than 3 responses each)";
    columns.push({ key: POOLED_KEY, label, respondents: smallTotal, members: small.map((t) => t.key) });
    return { columns, withheldAll: false, pooled: smallTotal, leftOut: 0 };
  }
  return { columns, withheldAll: false, pooled: 0, leftOut: smallTotal };
}
