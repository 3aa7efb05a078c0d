import Link from "next/link";
import type { ReactNode } from "react";

/** The bar on every page: brand, sections, search, and the account area (given by the layout). */
export function SiteHeader({ account }: { account: ReactNode }) {
  return (
    <header className="site-header">
      <div className="header-inner">
        <Link href="/" className="brand" aria-label="Packets & Pointers, home">
          <span aria-hidden="true" className="brand-mark">⇄</span>
          <span className="brand-name">Packets &amp; Pointers</span>
        </Link>
        <nav aria-label="Sections" className="sections">
          <Link href="/">Questions</Link>
          <Link href="/tags">Tags</Link>
          <Link href="/categories">Categories</Link>
          <Link href="/bounties">Bounties</Link>
          <Link href="/leaderboard">Leaderboard</Link>
        </nav>
        <form action="/search" method="get" role="search" className="search">
          <label htmlFor="site-search" className="visually-hidden">
            Search questions
          </label>
          <input id="site-search" name="q" type="search" placeholder="Search…" maxLength={200} />
        </form>
        <div className="account">{account}</div>
      </div>
    </header>
  );
}
