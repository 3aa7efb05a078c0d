/**
 * The one script of a member's thread page. The page comes as plain HTML (server/member-page.ts
 * says why): every control on it is a link or a form that works without JavaScript, and this
 * adds what React's components would: votes, follows and answers in place, confirmations,
 * pending labels, counters, the live preview, and flag and comment forms opened without leaving
 * the page. One listener per event for the whole page, so posts put in later need nothing wired.
 */
import { postAnswerInPlace } from "./answer-form";
import { onFieldInput, startPreviews } from "./editor";
import { followInPlace } from "./follow";
import { focusOpenForm, openForm } from "./open-form";
import { beforeSubmit, resetSentForms } from "./plain-forms";
import { postVote, voteInPlace } from "./votes";

document.addEventListener("submit", (e) => {
  const form = e.target as HTMLFormElement;
  if (form.matches("form[action='/api/votes']")) return voteInPlace(form, e, postVote);
  if (form.matches("form[data-answer-form]")) return postAnswerInPlace(form, e);
  if (form.matches("form[action='/api/follow']")) return followInPlace(form, e);
  beforeSubmit(form, e);
});

document.addEventListener("click", (e) => {
  const link = (e.target as Element).closest<HTMLAnchorElement>("a[data-open-form]");
  if (link) openForm(link, e);
});

document.addEventListener("input", onFieldInput);

window.addEventListener("pageshow", (e) => {
  if (e.persisted) resetSentForms();
});

startPreviews();
// A link followed without this script (or a refused post) renders the form open: continue there.
focusOpenForm(document, location.pathname + location.search + location.hash);
