/**
 * The public paths of what scripts/build-forum.mjs built beside Next's build: the site's
 * stylesheet and the thread page's scripts, named by their content (so browsers keep them for
 * good), read once from the build's assets.json.
 */
import fs from "node:fs";
import path from "node:path";
import { processState } from "./process-state";

/**
 * `script`: a member's thread page's one script; `liveScript`: a signed-out reader's, live updates
 * alone; `quizScript`: the study quiz's own script (lib/enhance/study-quiz.ts), never on the thread page.
 */
export type ForumAssets = { script: string; liveScript?: string; stylesheet: string; quizScript?: string };

/** Where the forum's own build is, beside Next's (NEXT_DIST_DIR, as next.config.js reads it). */
export const forumBuildDir = () => path.join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "forum");

const held = processState<{ assets: ForumAssets | null }>("assets", () => ({ assets: null }));

export function forumAssets(): ForumAssets {
  held.assets ??= JSON.parse(fs.readFileSync(path.join(forumBuildDir(), "assets.json"), "utf8")) as ForumAssets;
  return held.assets;
}
