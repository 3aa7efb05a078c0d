import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ApiTokensSection } from "./api-tokens";
import { findAccountSettings } from "@/lib/data/account-settings";
import { PasswordForm } from "./password-form";
import { DisplayNameForm, EmailForm, MailChoicesForm } from "./settings-forms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login?next=/settings");
  const settings = await findAccountSettings(user.id);
  return (
    <div className="narrow">
      <h1>Settings</h1>
      <h2>Profile</h2>
      <DisplayNameForm username={settings.username} displayName={settings.displayName} />
      <h2>Email</h2>
      <EmailForm email={settings.email} confirmed={settings.emailVerified !== null} needsPassword={settings.hasPassword} />
      <h2>Mail</h2>
      <MailChoicesForm choices={settings.mail} confirmed={settings.emailVerified !== null} />
      <h2>Password</h2>
      <PasswordForm />
      <ApiTokensSection />
    </div>
  );
}
