-- Each post keeps its search vector, computed once when it is written. Ranking used to parse
-- every candidate's text again on every search (most of a search's time); the GIN indexes
-- now cover the stored columns, so a write still parses its text once, not twice.
ALTER TABLE "Question" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (setweight(to_tsvector('english', "title"), 'A') || setweight(to_tsvector('english', "bodyMd"), 'B')) STORED;
ALTER TABLE "Answer" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('english', "bodyMd")) STORED;

DROP INDEX "Question_search_idx";
DROP INDEX "Answer_search_idx";
CREATE INDEX "Question_search_idx" ON "Question" USING GIN ("searchVector");
CREATE INDEX "Answer_search_idx" ON "Answer" USING GIN ("searchVector");
