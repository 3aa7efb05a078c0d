import type { Metadata } from "next";
import Link from "next/link";
import { RESET_LINK_INVALID, resetLinkWorks } from "@/lib/commands/password-reset";
import { ResetPasswordForm } from "./reset-password-form";

export const dynamic = "force-dynamic";
// The address holds the token: no other site may see it in a Referer.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const works = typeof token === "string" && (await resetLinkWorks(token));
  return (
    <div className="narrow">
      <h1>Choose a new password</h1>
      {works ? (
        <ResetPasswordForm token={token} />
      ) : (
        <>
          <p className="form-message" role="alert">{RESET_LINK_INVALID}</p>
          <p>
            <Link href="/forgot-password">Ask for a new link</Link>
          </p>
        </>
      )}
    </div>
  );
}
