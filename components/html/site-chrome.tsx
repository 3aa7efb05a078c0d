/** @jsxImportSource hono/jsx */
/**
 * What every page has around its content: the skip link, the header (brand, sections, search,
 * the account area) and the footer. Written here once; the pages served outside React
 * (components/html/document.tsx) and the layout of React's (app/layout.tsx) both use these.
 */
import { loginPath, userPath } from "@/lib/paths";
import { SuspensionBanner, type SuspendedMember } from "./suspension-banner";

/** What the header shows of the member reading (lib/auth/session-member.ts). */
export type HeaderMember = { username: string; points: number; role: string; unread: number } & SuspendedMember;

function InboxLink({ unread }: { unread: number }) {
  return (
    <a href="/inbox" class="inbox-link" aria-label={unread > 0 ? `Inbox, ${unread} unread` : "Inbox"}>
      <span aria-hidden="true">✉</span>
      <span class="inbox-text">Inbox</span>
      {unread > 0 && (
        <span class="inbox-badge" aria-hidden="true">
          {unread > 99 ? "99+" : String(unread)}
        </span>
      )}
    </a>
  );
}

function AccountMenu({ member }: { member: HeaderMember }) {
  return (
    <>
      {member.role !== "MEMBER" && (
        <a href="/admin/members" class="account-admin">
          {member.role === "ADMIN" ? "Admin" : "Moderate"}
        </a>
      )}
      <InboxLink unread={member.unread} />
      <a href="/settings" class="settings-link" aria-label="Settings">
        <span aria-hidden="true">⚙</span>
        <span class="settings-text">Settings</span>
      </a>
      {/* Named by its visible text ("name, 1,234 points"), so that speech control users can say what they see. */}
      <a href={userPath(member.username)} class="account-link">
        <span class="avatar" aria-hidden="true">
          {member.username.slice(0, 1).toUpperCase()}
        </span>
        <span class="account-name">{member.username}</span>
        <span class="visually-hidden">, </span>
        <span class="account-points">
          {member.points.toLocaleString("en-US")}
          <span class="visually-hidden"> points</span>
        </span>
      </a>
      <form action="/api/log-out" method="post">
        <button type="submit" class="button-quiet">
          Log out
        </button>
      </form>
    </>
  );
}

/** The skip link and the header. `here` is the page's path, to come back to after logging in. */
export function SiteHeader({ member, here }: { member: HeaderMember | null; here?: string }) {
  return (
    <>
      <a href="#main" class="skip-link">
        Skip to content
      </a>
      <header class="site-header">
        <div class="header-inner">
          <a href="/" class="brand" aria-label="Packets & Pointers, home">
            <span aria-hidden="true" class="brand-mark">
              ⇄
            </span>
            <span class="brand-name">Packets &amp; Pointers</span>
          </a>
          <nav aria-label="Sections" class="sections">
            <a href="/">Questions</a>
            <a href="/tags">Tags</a>
            <a href="/categories">Categories</a>
            <a href="/bounties">Bounties</a>
            <a href="/leaderboard">Leaderboard</a>
            <a href="/help">Help</a>
          </nav>
          <form action="/search" method="get" role="search" class="search">
            <label for="site-search" class="visually-hidden">
              Search questions
            </label>
            <input id="site-search" name="q" type="search" placeholder="Search…" maxLength={200} />
          </form>
          <div class="account">
            {member ? (
              <AccountMenu member={member} />
            ) : (
              <>
                <a href={here ? loginPath(here) : "/login"} class="button button-quiet">
                  Log in
                </a>
                <a href="/signup" class="button">
                  Sign up
                </a>
              </>
            )}
          </div>
        </div>
      </header>
      {member && <SuspensionBanner member={member} />}
    </>
  );
}

export function SiteFooter() {
  return (
    <footer class="site-footer">
      <p>Packets &amp; Pointers · questions and answers on networking and computer science</p>
    </footer>
  );
}
