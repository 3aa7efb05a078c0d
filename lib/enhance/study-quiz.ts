/**
 * The study quiz's own script (components/html/study/study-quiz-page.tsx), built as its own
 * asset and loaded only there, never on the thread page. Without it the quiz is a form the
 * server marks; with it each choice is marked as it is made, the score is kept up to date, and
 * the answers are kept in localStorage per thread, so the score is still there after a reload.
 */
type Saved = { answers: Record<string, number> };

const form = document.querySelector<HTMLFormElement>("form[data-quiz]");
const scoreLine = document.querySelector<HTMLElement>("[data-quiz-score]");

function storageKey(f: HTMLFormElement): string {
  return `forum:study-quiz:${f.dataset.quiz}`;
}

function load(f: HTMLFormElement): Saved {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey(f)) ?? "null") as Saved | null;
    return saved && typeof saved.answers === "object" && saved.answers ? saved : { answers: {} };
  } catch {
    return { answers: {} };
  }
}

function save(f: HTMLFormElement, saved: Saved): void {
  try {
    localStorage.setItem(storageKey(f), JSON.stringify(saved));
  } catch {
    // Storage full or switched off: the quiz still marks answers, it just forgets them.
  }
}

const questions = (f: HTMLFormElement) => Array.from(f.querySelectorAll<HTMLFieldSetElement>("fieldset[data-question]"));

function choiceLabel(fieldset: HTMLFieldSetElement, index: number): string {
  return fieldset.querySelectorAll("label")[index]?.textContent?.trim() ?? "";
}

/** Marks one question from the chosen index (or clears it). */
function mark(fieldset: HTMLFieldSetElement, chosen: number | undefined): void {
  const feedback = fieldset.querySelector<HTMLElement>(".quiz-feedback");
  const answer = Number(fieldset.dataset.answer);
  if (chosen === undefined) {
    delete fieldset.dataset.state;
    if (feedback) {
      feedback.textContent = "";
      feedback.className = "quiz-feedback";
    }
    return;
  }
  const right = chosen === answer;
  fieldset.dataset.state = right ? "right" : "wrong";
  if (feedback) {
    feedback.className = `quiz-feedback ${right ? "right" : "wrong"}`;
    feedback.textContent = right ? `✓ Right: ${choiceLabel(fieldset, answer)}.` : `✗ Not quite: it is ${choiceLabel(fieldset, answer)}.`;
  }
}

function showScore(f: HTMLFormElement, saved: Saved): void {
  const all = questions(f);
  const answered = all.filter((q) => saved.answers[q.dataset.question!] !== undefined);
  const right = answered.filter((q) => saved.answers[q.dataset.question!] === Number(q.dataset.answer));
  if (scoreLine) scoreLine.textContent = answered.length === 0 ? "" : `Score: ${right.length} of ${answered.length} right (${all.length - answered.length} to go).`;
}

function start(f: HTMLFormElement): void {
  let saved = load(f);
  const all = questions(f);
  // A page the server marked (the form sent without this script) holds the truth: keep it.
  const checked = all.filter((q) => q.querySelector("input:checked"));
  if (checked.length > 0) {
    saved = { answers: {} };
    for (const q of checked) saved.answers[q.dataset.question!] = Number(q.querySelector<HTMLInputElement>("input:checked")!.value);
    save(f, saved);
  }
  for (const q of all) {
    const chosen = saved.answers[q.dataset.question!];
    const input = chosen === undefined ? null : q.querySelector<HTMLInputElement>(`input[value="${chosen}"]`);
    if (input) input.checked = true;
    mark(q, input ? chosen : undefined);
  }
  showScore(f, saved);

  f.addEventListener("change", (e) => {
    const input = e.target as HTMLInputElement;
    const q = input.closest<HTMLFieldSetElement>("fieldset[data-question]");
    if (!q || input.type !== "radio") return;
    saved.answers[q.dataset.question!] = Number(input.value);
    save(f, saved);
    mark(q, Number(input.value));
    showScore(f, saved);
  });

  f.querySelector<HTMLAnchorElement>("[data-quiz-reset]")?.addEventListener("click", (e) => {
    e.preventDefault();
    saved = { answers: {} };
    save(f, saved);
    for (const q of all) {
      for (const input of q.querySelectorAll<HTMLInputElement>("input")) input.checked = false;
      mark(q, undefined);
    }
    showScore(f, saved);
    if (location.search) history.replaceState(null, "", location.pathname);
  });
}

if (form) start(form);
