/**
 * The attribute that marks an element whose HTML the front door puts in (lib/deferred-html.ts).
 * A module of its own so the browser's bundle takes this name and nothing of the server side.
 */
export const FILL_ATTRIBUTE = "data-fill";
