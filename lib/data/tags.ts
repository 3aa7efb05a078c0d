import "server-only";
import { db } from "../db";

export type TagCount = { name: string; count: number };

/**
 * Tags with the number of live questions using them, most used first. One grouped query:
 * tags whose questions were all removed or hidden drop out of the index.
 */
export async function listTags({ limit = 1000, offset = 0 }: { limit?: number; offset?: number } = {}): Promise<TagCount[]> {
  return db.$queryRaw<TagCount[]>`
    SELECT t."name", COUNT(*)::int AS "count"
    FROM "Tag" t
    JOIN "QuestionTag" qt ON qt."tagId" = t."id"
    JOIN "Question" q ON q."id" = qt."questionId"
    WHERE q."deletedAt" IS NULL AND q."hiddenAt" IS NULL
    GROUP BY t."id", t."name"
    ORDER BY "count" DESC, t."name" ASC
    LIMIT ${limit} OFFSET ${offset}`;
}

/** A tag by its exact (lower-case) name. */
export function findTag(name: string) {
  return db.tag.findUnique({ where: { name }, select: { id: true, name: true } });
}
