import type { Metadata } from "next";
import { ConfirmEmailForm } from "./confirm-email-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Confirm your email address", referrer: "no-referrer" };

/** A button, not a confirmation on opening: mail scanners open links too. */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return (
    <div className="narrow">
      <h1>Confirm your email address</h1>
      <ConfirmEmailForm token={typeof token === "string" ? token : ""} />
    </div>
  );
}
