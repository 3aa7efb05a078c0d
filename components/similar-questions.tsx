"use client";

import Link from "next/link";
import { useEffect, useState } from "react";

type SimilarQuestion = { id: number; title: string; url: string; answerCount: number; hasBestAnswer: boolean };

const SEARCH_DELAY_MS = 300;

async function fetchSimilar(title: string, signal: AbortSignal): Promise<SimilarQuestion[]> {
  const res = await fetch(`/api/questions/similar?title=${encodeURIComponent(title)}`, { signal });
  if (!res.ok) return [];
  const data = (await res.json()) as { questions?: SimilarQuestion[] };
  return Array.isArray(data.questions) ? data.questions.slice(0, 5) : [];
}

/** Questions whose titles resemble what is being typed into the input `titleInputId`. */
export function SimilarQuestions({ titleInputId }: { titleInputId: string }) {
  const [questions, setQuestions] = useState<SimilarQuestion[]>([]);

  useEffect(() => {
    const input = document.getElementById(titleInputId);
    if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;

    const search = () => {
      controller?.abort();
      const current = new AbortController();
      controller = current;
      const title = input.value.trim();
      if (title.length < 3) {
        setQuestions([]);
        return;
      }
      fetchSimilar(title, current.signal)
        .then((found) => {
          if (!current.signal.aborted) setQuestions(found);
        })
        .catch(() => {
          // A failed lookup only loses a hint; the form itself is unaffected.
          if (!current.signal.aborted) setQuestions([]);
        });
    };
    const onInput = () => {
      clearTimeout(timer);
      timer = setTimeout(search, SEARCH_DELAY_MS);
    };

    input.addEventListener("input", onInput);
    // A title already filled in (a form shown again after an error) gets its hint too.
    if (input.value.trim() !== "") onInput();
    return () => {
      input.removeEventListener("input", onInput);
      clearTimeout(timer);
      controller?.abort();
    };
  }, [titleInputId]);

  return (
    <div aria-live="polite">
      {questions.length > 0 && (
        <section className="similar" aria-labelledby={`${titleInputId}-similar`}>
          <h2 id={`${titleInputId}-similar`} className="similar-title">
            Similar questions
          </h2>
          <ul className="similar-list">
            {questions.map((q) => (
              <li key={q.id} className="similar-item">
                <Link href={q.url}>{q.title}</Link>
                <span className="similar-stats">
                  {q.answerCount} {q.answerCount === 1 ? "answer" : "answers"}
                  {q.hasBestAnswer && (
                    <>
                      {" "}
                      <span className="similar-best" aria-hidden="true">✓</span>
                      <span className="visually-hidden">, has a best answer</span>
                    </>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
