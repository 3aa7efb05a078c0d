import { FieldError } from "@/components/field-error";
import { limits } from "@/lib/rules";

/** An edit form's optional summary, kept with the revision and shown in the post's history. */
export function EditSummaryField({ value, errors }: { value?: string; errors?: string[] }) {
  return (
    <>
      <label htmlFor="summary">
        Edit summary <span className="muted">(optional)</span>
      </label>
      <input id="summary" name="summary" defaultValue={value} maxLength={limits.editSummaryMax} placeholder="Fixed the example, added a source" aria-describedby="summary-hint summary-error" aria-invalid={errors ? true : undefined} autoComplete="off" />
      <p id="summary-hint" className="hint">What you changed, in a few words: shown in the history.</p>
      <FieldError id="summary-error" errors={errors} />
    </>
  );
}
