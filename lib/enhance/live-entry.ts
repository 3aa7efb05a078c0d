/**
 * The one script of a signed-out reader's thread page, and of a member's pages React renders
 * (app/layout.tsx): the thread kept live, or on other pages the member's header. Members'
 * thread pages have the forum's script (thread-page.ts), which keeps the thread live too.
 */
import { startLiveHeader, startLiveThread } from "./live-thread";

if (!startLiveThread()) startLiveHeader();
