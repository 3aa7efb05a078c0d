/** Why a moderator may close a question, as the close form offers and the banner says. */
export const closeReasons = {
  duplicate: "Duplicate of another question",
  "off-topic": "Off-topic for this forum",
  "needs-detail": "Needs more detail or clarity",
} as const;

export type CloseReason = keyof typeof closeReasons;
