/** What a member may follow, to hear of new posts there. */
export const followTargets = ["question", "tag", "category"] as const;
export type FollowTarget = (typeof followTargets)[number];
