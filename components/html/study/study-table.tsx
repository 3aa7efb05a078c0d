/** @jsxImportSource hono/jsx */
import type { StudyTable } from "@/lib/study/tables";

/** A table read back from a post (lib/study/tables.ts), as text: every cell escaped. */
export function StudyTableView({ table }: { table: StudyTable }) {
  return (
    <table>
      <thead>
        <tr>
          {table.headers.map((h) => (
            <th scope="col">{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr>
            {row.map((cell, i) => (i === 0 ? <th scope="row">{cell}</th> : <td>{cell}</td>))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
