import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/account-menu";
import { SiteHeader } from "@/components/site-header";
import { SignedOutLinks } from "@/components/signed-out-links";
import { getCurrentUser } from "@/lib/auth/current-user";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Packets & Pointers", template: "%s · Packets & Pointers" },
  description: "Questions and answers on networking and computer science.",
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#14161a" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <SiteHeader account={user ? <AccountMenu user={user} unread={user.unread} /> : <SignedOutLinks />} />
        <main id="main" className="page">
          {children}
        </main>
        <footer className="site-footer">
          <p>Packets &amp; Pointers · questions and answers on networking and computer science</p>
        </footer>
      </body>
    </html>
  );
}
