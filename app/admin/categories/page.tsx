import type { Metadata } from "next";
import { ActionButton } from "@/components/action-button";
import { ActionForm } from "@/components/action-form";
import { createCategoryAction, moveCategoryAction, renameCategoryAction } from "@/lib/actions/admin";
import { requireStaffPage } from "@/lib/auth/require-role";
import { listCategories } from "@/lib/data/categories";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Categories" };

export default async function CategoriesAdminPage() {
  await requireStaffPage("/admin/categories", "ADMIN");
  const categories = await listCategories();
  return (
    <>
      <h1>Categories</h1>
      <ol className="revisions">
        {categories.map((c, i) => (
          <li key={c.id} className="revision">
            <ActionForm action={renameCategoryAction} submitLabel="Save">
              <input type="hidden" name="categoryId" value={c.id} />
              <label htmlFor={`emoji-${c.id}`} className="visually-hidden">Emoji</label>
              <input id={`emoji-${c.id}`} name="emoji" defaultValue={c.emoji} size={3} />
              <label htmlFor={`name-${c.id}`} className="visually-hidden">Name</label>
              <input id={`name-${c.id}`} name="name" defaultValue={c.name} />
              <label htmlFor={`desc-${c.id}`} className="visually-hidden">Description</label>
              <input id={`desc-${c.id}`} name="description" defaultValue={c.description} size={40} />
            </ActionForm>
            <div className="post-actions">
              {i > 0 && <ActionButton action={moveCategoryAction} fields={{ categoryId: c.id, direction: "up" }} label="↑ Move up" className="button-quiet" />}
              {i < categories.length - 1 && <ActionButton action={moveCategoryAction} fields={{ categoryId: c.id, direction: "down" }} label="↓ Move down" className="button-quiet" />}
              <span className="muted">{c._count.questions} questions · /categories/{c.slug}</span>
            </div>
          </li>
        ))}
      </ol>
      <h2>New category</h2>
      <ActionForm action={createCategoryAction} submitLabel="Create category">
        <label htmlFor="new-emoji">Emoji</label>
        <input id="new-emoji" name="emoji" size={3} />
        <label htmlFor="new-name">Name</label>
        <input id="new-name" name="name" required />
        <label htmlFor="new-desc">Description</label>
        <input id="new-desc" name="description" size={40} />
      </ActionForm>
    </>
  );
}
