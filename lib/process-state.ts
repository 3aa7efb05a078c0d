/**
 * State there must be one of per process. server.ts runs the forum's modules through tsx, and
 * Next's server bundle carries copies of the same modules, each with its own top-level
 * variables; what both must share (the database client, the caches, the Markdown workers)
 * lives here, in one slot on globalThis, named by the module that owns it.
 */
type Slots = Map<string, unknown>;
const g = globalThis as typeof globalThis & { __forumProcessState?: Slots };
const slots: Slots = (g.__forumProcessState ??= new Map());

/** The process's one `name`, made by `create` the first time any copy of a module asks. */
export function processState<T>(name: string, create: () => T): T {
  if (!slots.has(name)) slots.set(name, create());
  return slots.get(name) as T;
}
