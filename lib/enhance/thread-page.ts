/**
 * The one script of a member's thread page (components/html/thread). Every control on the page
 * is a link or a form that works without JavaScript; this adds what a reader expects of a live
 * page: votes, follows, answers, comments, flags, picks and moderators' actions sent in place,
 * confirmations, pending labels, counters, the live preview, flag and comment forms opened
 * without leaving the page, and the thread kept live (live-thread.ts). One listener per event for the whole page, so posts put in later
 * need nothing wired.
 */
import { postAnswerInPlace } from "./answer-form";
import { startDrafts } from "./drafts";
import { onEditorKeydown, onFieldInput, onToolbarClick, startPreviews } from "./editor";
import { followInPlace } from "./follow";
import { enableImageUploads } from "./images";
import { startLiveThread } from "./live-thread";
import { focusOpenForm, openForm } from "./open-form";
import { beforeSubmit, resetSentForms } from "./plain-forms";
import { THREAD_REPLACED } from "./refresh-thread";
import { sendThreadForm } from "./thread-forms";
import { voteInPlace } from "./votes";

document.addEventListener("submit", (e) => {
  const form = e.target as HTMLFormElement;
  if (form.matches("form[data-vote-form]")) return voteInPlace(form, e);
  if (form.matches("form[data-answer-form]")) return postAnswerInPlace(form, e);
  if (form.matches("form[data-follow-form]")) return followInPlace(form, e);
  if (form.matches("form[data-thread-form]")) return sendThreadForm(form, e);
  beforeSubmit(form, e);
});

document.addEventListener("click", (e) => {
  const link = (e.target as Element).closest<HTMLAnchorElement>("a[data-open-form]");
  if (link) openForm(link, e);
  onToolbarClick(e);
});

document.addEventListener("keydown", onEditorKeydown);

document.addEventListener("input", onFieldInput);
document.addEventListener(THREAD_REPLACED, (e) => startPreviews((e as CustomEvent<Element>).detail));
enableImageUploads(document);

window.addEventListener("pageshow", (e) => {
  if (e.persisted) resetSentForms();
});

startPreviews();
startDrafts();
startLiveThread();
// A link followed without this script (or a refused post) renders the form open: continue there.
focusOpenForm(document, location.pathname + location.search + location.hash);
