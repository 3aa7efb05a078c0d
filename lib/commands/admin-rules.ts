import "server-only";
import { z } from "zod";
import { audit } from "../audit";
import { db } from "../db";
import { publishToCluster } from "../cluster-bus";
import { AppError } from "../errors";
import { invalidateAll, invalidateLists } from "../page-cache";
import { findTotalMismatches } from "../points";
import { applyRuleOverrides, privileges, rules, type RuleOverrides } from "../rules";
import { RULES_KEY } from "../rule-overrides";
import { parseInput } from "../validation/parse";
import { requireMember, type Actor } from "./guard";


function requireAdmin(actorOrNull: Actor | null): Actor {
  const actor = requireMember(actorOrNull);
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only admins can do that.");
  return actor;
}

const points = z.coerce.number({ error: "Give a whole number." }).int("Give a whole number.");
const rulesSchema = z.object({
  answerPoints: points.min(0).max(1000),
  bestAnswerPoints: points.min(0).max(1000),
  answerUpvotePoints: points.min(0).max(1000),
  questionUpvotePoints: points.min(0).max(1000),
  downvotePoints: points.min(-1000).max(0),
  voteUp: points.min(0).max(1_000_000),
  commentEverywhere: points.min(0).max(1_000_000),
  voteDown: points.min(0).max(1_000_000),
  editOthersPosts: points.min(0).max(1_000_000),
  // Optional: a form from before this privilege existed leaves it as it is.
  uploadImages: points.min(0).max(1_000_000).optional(),
});

/** Sets the points rules and privilege thresholds from now on; past events keep their values. */
export async function updateRules(actorOrNull: Actor | null, input: unknown) {
  const actor = requireAdmin(actorOrNull);
  const v = parseInput(rulesSchema, input);
  const next: RuleOverrides = {
    rules: { answerPoints: v.answerPoints, bestAnswerPoints: v.bestAnswerPoints, answerUpvotePoints: v.answerUpvotePoints, questionUpvotePoints: v.questionUpvotePoints, downvotePoints: v.downvotePoints },
    privileges: { voteUp: v.voteUp, commentEverywhere: v.commentEverywhere, voteDown: v.voteDown, editOthersPosts: v.editOthersPosts, uploadImages: v.uploadImages ?? privileges.uploadImages },
  };
  const before = { rules: { ...rules }, privileges: { ...privileges } };
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key: RULES_KEY }, create: { key: RULES_KEY, value: next }, update: { value: next } });
    await audit(tx, { actorId: actor.id, action: "rules.update", targetType: "rules", before, after: next });
  });
  applyRuleOverrides(next);
  publishToCluster({ type: "rules" });
  // Thread pages state the points for answering, so every cached page goes.
  invalidateAll();
}

/** Rebuilds every member's total from the ledger and reports each difference it fixed. */
export async function recalculateTotals(actorOrNull: Actor | null) {
  const actor = requireAdmin(actorOrNull);
  const fixed = await db.$transaction(async (tx) => {
    const mismatches = await findTotalMismatches(tx);
    for (const m of mismatches) await tx.user.update({ where: { id: m.id }, data: { points: m.ledger } });
    await audit(tx, { actorId: actor.id, action: "points.recalculate", targetType: "ledger", after: { fixed: mismatches.map((m) => ({ id: m.id, from: m.points, to: m.ledger })) } });
    return mismatches;
  });
  if (fixed.length) invalidateLists();
  return fixed;
}
