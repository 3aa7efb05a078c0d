import { db } from "./db";
import { applyRuleOverrides, type RuleOverrides } from "./rules";

/** Where admins' values for the points rules and privileges are kept. */
export const RULES_KEY = "rules:overrides";

/** Loads the admins' values over the defaults (server.ts, at start-up). */
export async function loadRuleOverrides(): Promise<void> {
  const stored = await db.setting.findUnique({ where: { key: RULES_KEY }, select: { value: true } });
  if (stored) applyRuleOverrides(stored.value as RuleOverrides);
}
