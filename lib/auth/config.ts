import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import { clientAddressOf } from "../client-address";
import { findMemberByCredentials, findOrCreateOAuthMember } from "./identity";
import { logInWithinLimits } from "./login-limits";

/** A log-in refused before its password is checked: too many failures for the account or from the address. */
export class TooManyLogIns extends CredentialsSignin {
  code = "too_many_attempts";
  constructor(readonly retryAfterSeconds: number) {
    super("Too many failed log-ins");
  }
}

/** GitHub sign-in switches on when both of its variables are set. */
export const githubEnabled = Boolean(process.env.AUTH_GITHUB_ID && process.env.AUTH_GITHUB_SECRET);

const providers: NextAuthConfig["providers"] = [
  Credentials({
    credentials: { identifier: {}, password: {} },
    // The request is Auth.js's own, built from the original's headers: the front door's client
    // address is among them, whether the form's action or a script posted the credentials.
    authorize: async (credentials, request) => {
      const { identifier, password } = credentials ?? {};
      if (typeof identifier !== "string" || typeof password !== "string") return null;
      const address = clientAddressOf(request);
      const outcome = await logInWithinLimits(identifier, address, () => findMemberByCredentials(identifier, password));
      if (!outcome.ok) throw new TooManyLogIns(outcome.retryAfterSeconds);
      const { member } = outcome;
      return member ? { id: String(member.id), name: member.username, sessionVersion: member.sessionVersion } : null;
    },
  }),
  ...(githubEnabled ? [GitHub] : []),
];

/**
 * JWT sessions (the credentials provider requires them). Each token carries the member's
 * session version; signing out, changing the password, a role change or a suspension bumps
 * it, and getCurrentUser() refuses every token minted before (lib/auth/current-user.ts).
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
  trustHost: true,
  pages: { signIn: "/login" },
  providers,
  // A wrong password is an expected outcome, answered on the form: not an error to log.
  logger: {
    error(error) {
      if (error.name !== "CredentialsSignin") console.error(error);
    },
  },
  callbacks: {
    async jwt({ token, user, account, profile }) {
      if (account?.provider === "github" && profile) {
        const member = await findOrCreateOAuthMember("github", account.providerAccountId, String(profile.login ?? ""));
        return { ...token, uid: member.id, sv: member.sessionVersion, name: member.username };
      }
      if (user) {
        const u = user as { id?: string; sessionVersion?: number };
        return { ...token, uid: Number(u.id), sv: u.sessionVersion ?? 0 };
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: Number(token.uid), sv: Number(token.sv) };
    },
  },
});
