/**
 * Reading PostgreSQL's tsquery text ('a' & !( 'b' <-> 'c' ) | 'it''s'), as websearch_to_tsquery
 * writes it: one tokenizer for search's compound simplifier, its window estimate and its
 * highlighting.
 */

// A quoted lexeme, a phrase operator (<-> or <N>), or one of & | ! ( ).
const TOKEN = /'(?:[^']|'')*'|<->|<\d+>|[&|!()]/g;

/** The tokens, or null when the text holds anything else (weights, prefixes, stray text). */
export function tsqueryTokens(query: string): string[] | null {
  const tokens = query.match(TOKEN) ?? [];
  return tokens.join("") === query.replace(/\s+/g, "") ? tokens : null;
}

/** A quoted lexeme token's lexeme, unquoted. */
export const lexemeOf = (token: string) => token.slice(1, -1).replaceAll("''", "'");
