import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { safeNextPath } from "@/lib/actions/form-state";
import { githubEnabled, signIn } from "@/lib/auth/config";
import { getCurrentUser } from "@/lib/auth/current-user";
import { LoginForm } from "./login-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; changed?: string; reset?: string }> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  if (await getCurrentUser()) redirect(next);
  return (
    <div className="narrow">
      <h1>Log in</h1>
      {params.changed && <p className="notice">Your password was changed. Log in with the new one.</p>}
      {params.reset && <p className="notice">Your new password is set, and every session of your account has ended. Log in with it.</p>}
      <LoginForm next={next} />
      <p>
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      {githubEnabled && (
        <form
          action={async () => {
            "use server";
            await signIn("github", { redirectTo: next });
          }}
        >
          <button type="submit" className="button-quiet">Log in with GitHub</button>
        </form>
      )}
      <p>
        New here? <Link href={`/signup?next=${encodeURIComponent(next)}`}>Create an account</Link>
      </p>
    </div>
  );
}
