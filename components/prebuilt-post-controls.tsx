"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { awardBountyAction, offerBountyAction } from "@/lib/actions/bounty";
import { deleteCommentAction } from "@/lib/actions/comment";
import type { FormState } from "@/lib/actions/form-state";
import { clearBestAnswerAction, deleteAnswerAction, selectBestAnswerAction } from "@/lib/actions/thread-moderation";
import { voteAction } from "@/lib/actions/vote";
import { isThreadAction, type ThreadAction } from "@/lib/thread-actions";
import { showFormAlert } from "@/lib/enhance/form-alert";
import { voteInPlace } from "@/lib/enhance/votes";

const PREBUILT = "[data-prebuilt-post]";

// The server actions the React buttons call (components/action-button.tsx), by form name.
const actions: Record<ThreadAction, (prev: FormState, form: FormData) => Promise<FormState>> = {
  "pick-best": selectBestAnswerAction,
  "clear-best": clearBestAnswerAction,
  "delete-answer": deleteAnswerAction,
  "award-bounty": awardBountyAction,
  "delete-comment": deleteCommentAction,
  "offer-bounty": offerBountyAction,
};

const isRedirect = (e: unknown) => typeof (e as { digest?: unknown })?.digest === "string" && (e as { digest: string }).digest.startsWith("NEXT_REDIRECT");

/**
 * What ActionButton does, for its plain-HTML form: asks to confirm, shows the pending label,
 * calls the action in place (which, done, re-renders the thread) and shows why it was refused.
 */
function runThreadAction(form: HTMLFormElement, action: ThreadAction): void {
  const button = form.querySelector("button");
  if (!button || button.disabled) return;
  if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
  const label = button.textContent;
  const showIdle = (message?: string) => {
    button.disabled = false;
    button.removeAttribute("aria-disabled");
    button.textContent = label;
    showFormAlert(form, message);
  };
  button.disabled = true;
  button.setAttribute("aria-disabled", "true");
  button.textContent = form.dataset.pending ?? "Saving…";
  actions[action]({}, new FormData(form)).then(
    (state) => showIdle(state?.message),
    // Done: the action went back to the thread (Next rejects an action's promise with its
    // redirect, having already navigated), whose fresh render replaces this post.
    (e: unknown) => isRedirect(e) || showIdle("That did not go through. Try again."),
  );
}

/** Focuses `selector` once the re-rendered thread shows it (a form opened by a link). */
function focusWhenShown(selector: string, deadline = performance.now() + 5000): void {
  const field = document.querySelector<HTMLElement>(selector);
  if (field) return field.focus();
  if (performance.now() < deadline) requestAnimationFrame(() => focusWhenShown(selector, deadline));
}

/**
 * Makes the posts written as plain HTML (components/member-post-markup.ts) behave as the React
 * ones do, with one listener for all of them: a vote shows at once and is sent in place (as
 * VoteButtons does), a button (pick, delete, award) calls its server action as ActionButton
 * does, and "Flag" or "Add a comment" re-renders the thread with that form open (the URL the
 * link names without JavaScript), then takes the keyboard to its first field; that post then
 * renders through React, which writes the open form.
 */
export function PrebuiltPostControls() {
  const router = useRouter();
  useEffect(() => {
    const onSubmit = (e: SubmitEvent) => {
      const form = e.target as HTMLFormElement;
      if (!form.closest(PREBUILT)) return;
      const action = form.dataset.threadAction;
      if (isThreadAction(action)) {
        e.preventDefault();
        return runThreadAction(form, action);
      }
      if (form.matches("form[data-vote-form]")) voteInPlace(form, e, voteAction);
    };
    const onClick = (e: MouseEvent) => {
      const link = (e.target as Element).closest<HTMLAnchorElement>("a[data-open-form]");
      if (!link || !link.closest(PREBUILT) || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      router.push(link.getAttribute("href")!, { scroll: false });
      focusWhenShown(link.dataset.openForm!);
    };
    document.addEventListener("submit", onSubmit);
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("submit", onSubmit);
      document.removeEventListener("click", onClick);
    };
  }, [router]);
  return null;
}
