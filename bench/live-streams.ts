/**
 * Row m on its own, against a forum already running with TRUST_PROXY=1 (each stream comes from
 * its own address through X-Forwarded-For):
 *   npx tsx bench/live-streams.ts --base http://127.0.0.1:3000 --thread /questions/12/slug \
 *     --pid <server pid> --cookie 'authjs.session-token=...' [--streams 2000] [--hold 30]
 * The cookie is a member's who may upvote the thread's first answer (the vote is taken back).
 * `--write-base URL` sends the writes to another app server sharing the same Redis, so the
 * fan-out includes the trip through Redis.
 */
import { readArgs } from "./lib/args";
import { liveStreamsRow } from "./lib/static-rows";
import { measureLiveStreams } from "./lib/live-streams";
import { textTable } from "./lib/report";

const usage = "Usage: npx tsx bench/live-streams.ts --base URL --thread PATH --pid PID --cookie COOKIE [--streams 2000] [--hold 30] [--write-base URL]";
const args = readArgs(process.argv.slice(2), usage);
const [base, threadPath, cookie] = [args.string("base"), args.string("thread"), args.string("cookie")];
const pid = args.number("pid", 0);
if (!base || !threadPath || !cookie || !pid) throw new Error(usage);
const result = await measureLiveStreams({ base, threadPath, serverPid: pid, voterCookie: cookie, writeBase: args.string("write-base"), streams: Math.floor(args.number("streams", 2000)), holdSeconds: args.number("hold", 30), log: console.log });
console.log(JSON.stringify(result, null, 2));
console.log(textTable("live threads", [liveStreamsRow(result, Math.floor(args.number("streams", 2000)))]));
