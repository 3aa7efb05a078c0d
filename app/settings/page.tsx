import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ApiTokensSection } from "./api-tokens";
import { PasswordForm } from "./password-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  if (!(await getCurrentUser())) redirect("/login?next=/settings");
  return (
    <div className="narrow">
      <h1>Settings</h1>
      <h2>Password</h2>
      <PasswordForm />
      <ApiTokensSection />
    </div>
  );
}
