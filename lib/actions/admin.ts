"use server";
import { recalculateTotals, updateRules } from "../commands/admin-rules";
import { createCategory, moveCategory, renameCategory } from "../commands/categories";
import { getCurrentUser } from "../auth/current-user";
import { toFormState, type FormState } from "./form-state";
import { runCommand } from "./run-command";

export async function updateRulesAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCommand(form, updateRules, "Rules saved. They apply from now on.", "/admin/rules");
}

// useActionState passes the previous state first; this action does not need it.
export async function recalculateAction(): Promise<FormState> {
  try {
    const fixed = await recalculateTotals(await getCurrentUser());
    return {
      ok: true,
      message: fixed.length === 0 ? "Every total already matched the ledger." : `Fixed ${fixed.length} total(s): ${fixed.map((f) => `member #${f.id} ${f.points} → ${f.ledger}`).join(", ")}.`,
    };
  } catch (e) {
    return toFormState(e);
  }
}

export async function createCategoryAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCommand(form, createCategory, "Category created.", "/admin/categories");
}

export async function renameCategoryAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCommand(form, renameCategory, "Category saved.", "/admin/categories");
}

export async function moveCategoryAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCommand(form, moveCategory, "Order changed.", "/admin/categories");
}
