/**
 * The one script of a signed-out reader's thread page: the thread kept live, and nothing else
 * (their page has no forms to enhance). Members' script (thread-page.ts) starts the same.
 */
import { startLiveThread } from "./live-thread";

startLiveThread();
