/**
 * The tables of a thread, as text: what the study sheet lists as the thread's key tables and
 * what the quiz is made from. A comparison table is one whose first column names a feature and
 * whose other columns (two to four) are the things compared, each described per feature, like
 * the flagship's "Feature | Client-Server Model | Peer-to-Peer (P2P) Model".
 */
import { childElements, findElements, postTree, textOf, type Element, type Root } from "./post-tree";

export type TableSource = { kind: "question" } | { kind: "answer"; answerId: number; author: string };

export type StudyTable = { headers: string[]; rows: string[][]; source: TableSource };

const MIN_COMPARED = 2;
const MAX_COMPARED = 4;

function rowCells(row: Element): string[] {
  return row.children.filter((c): c is Element => c.type === "element" && (c.tagName === "th" || c.tagName === "td")).map((cell) => textOf(cell));
}

/** One HTML table as text: the head's row as headers (or the first row, when it has no head). */
export function readTable(table: Element, source: TableSource): StudyTable | null {
  const rows = findElements(table, "tr").map(rowCells);
  const headIsRow = childElements(table, "thead").length > 0 || childElements(table, "tbody").length === 0;
  const [first, ...rest] = rows;
  if (!first || !headIsRow) return null;
  return { headers: first, rows: rest, source };
}

/** Every table of one post's HTML, in order. */
export function tablesOfPost(html: string | Root, source: TableSource): StudyTable[] {
  const tree = typeof html === "string" ? postTree(html) : html;
  return findElements(tree, "table").flatMap((t) => readTable(t, source) ?? []);
}

/** Whether a table compares things feature by feature (and so can be quizzed on). */
export function isComparisonTable(table: StudyTable): boolean {
  const compared = table.headers.slice(1);
  if (compared.length < MIN_COMPARED || compared.length > MAX_COMPARED) return false;
  if (compared.some((h) => h === "") || new Set(compared).size !== compared.length) return false;
  const described = table.rows.filter((r) => r[0] && r.slice(1).filter(Boolean).length >= MIN_COMPARED);
  return described.length >= 2;
}

type ThreadPosts = { question: { bodyHtml: string }; answers: { id: number; bodyHtml: string; author: { username: string } }[] };

/** The tables of a whole thread: the question's, then each answer's in the thread's order. */
export function tablesOfThread({ question, answers }: ThreadPosts): StudyTable[] {
  return [
    ...tablesOfPost(question.bodyHtml, { kind: "question" }),
    ...answers.flatMap((a) => tablesOfPost(a.bodyHtml, { kind: "answer", answerId: a.id, author: a.author.username })),
  ];
}
