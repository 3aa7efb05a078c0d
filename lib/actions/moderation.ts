"use server";
import { deleteComment } from "../commands/comment";
import { deleteAnswer } from "../commands/delete-answer";
import { flagPost, handleFlag } from "../commands/flags";
import { adjustPoints, changeRole, liftSuspension, suspendMember } from "../commands/members";
import { setQuestionDeleted, undeleteAnswer } from "../commands/moderate-posts";
import { closeQuestion, reopenQuestion, setThreadLocked } from "../commands/moderate-thread";
import type { FormState } from "./form-state";
import { runCommand } from "./run-command";

const thread = (form: FormData) => `/questions/${Number(form.get("questionId")) || 0}/${String(form.get("slug") ?? "")}`;

export async function lockThreadAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCommand(form, setThreadLocked, form.get("locked") === "true" ? "Thread locked." : "Thread unlocked.", thread(form));
}

export async function closeQuestionAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCommand(form, closeQuestion, "Question closed.", thread(form));
}

export async function reopenQuestionAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCommand(form, reopenQuestion, "Question reopened.", thread(form));
}

export async function deleteQuestionAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCommand(form, (a, f) => setQuestionDeleted(a, f, true), "Question deleted.", thread(form));
}

export async function undeleteQuestionAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCommand(form, (a, f) => setQuestionDeleted(a, f, false), "Question restored.", thread(form));
}

export async function undeleteAnswerAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCommand(form, undeleteAnswer, "Answer restored.", thread(form));
}

/** Deleting from the flag queue: the moderator stays on the queue. */
export async function deleteAnswerFromQueueAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCommand(form, (a, f) => deleteAnswer(a, f.answerId), "Answer deleted.", "/moderation");
}

/** Deleting a flagged comment from the queue: the moderator stays on the queue. */
export async function deleteCommentFromQueueAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCommand(form, deleteComment, "Comment deleted.", "/moderation");
}

export async function flagPostAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCommand(form, flagPost, "Thanks: a moderator will look at it.", thread(form));
}

export async function handleFlagAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCommand(form, handleFlag, "Flag handled.", "/moderation");
}

export async function suspendMemberAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCommand(form, suspendMember, "Member suspended.", "/admin/members");
}

export async function liftSuspensionAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCommand(form, liftSuspension, "Suspension lifted.", "/admin/members");
}

export async function adjustPointsAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCommand(form, adjustPoints, "Points adjusted.", "/admin/members");
}

export async function changeRoleAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCommand(form, changeRole, "Role changed.", "/admin/members");
}
