import { ActionButton } from "@/components/action-button";
import { RelativeTime } from "@/components/relative-time";
import { revokeApiTokenAction } from "@/lib/actions/api-tokens";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listApiTokens } from "@/lib/data/api-tokens";
import { ApiTokenForm } from "./api-token-form";
import styles from "./api-tokens.module.css";

/**
 * Personal access tokens for the JSON API (/api/v1): make one (its secret is shown once), see
 * when each was last used, revoke any. Its own section of /settings.
 */
export async function ApiTokensSection() {
  const user = await getCurrentUser();
  if (!user) return null;
  const tokens = await listApiTokens(user.id);
  const now = new Date();
  return (
    <section aria-labelledby="api-tokens-heading">
      <h2 id="api-tokens-heading">API tokens</h2>
      <p className="hint">
        Tokens let your scripts and apps ask, answer and vote as you through the <a href="/api/v1/openapi.json">JSON API</a>, with the same rules
        and limits as the forum&apos;s forms. Send one as <code>Authorization: Bearer &lt;token&gt;</code>. Reading needs none.
      </p>
      <ApiTokenForm />
      {tokens.length === 0 ? (
        <p className="empty">You have no tokens.</p>
      ) : (
        <ul className={styles.tokens} aria-label="Your tokens">
          {tokens.map((t) => (
            <li key={t.id} className={styles.token}>
              <span className={styles.name}>{t.name}</span>
              <ActionButton action={revokeApiTokenAction} fields={{ tokenId: t.id }} label="Revoke" pendingText="Revoking…" className="button-quiet" confirm={`Revoke "${t.name}"? Scripts using it stop working at once.`} />
              <p className={styles.dates}>
                Made <RelativeTime date={t.createdAt} /> · {t.lastUsedAt ? <>last used <RelativeTime date={t.lastUsedAt} /></> : "never used"} ·{" "}
                {t.expiresAt === null ? (
                  "never expires"
                ) : t.expiresAt <= now ? (
                  <span className={styles.expired}>expired <RelativeTime date={t.expiresAt} /></span>
                ) : (
                  <>expires <time dateTime={t.expiresAt.toISOString()}>{t.expiresAt.toISOString().slice(0, 10)}</time></>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
