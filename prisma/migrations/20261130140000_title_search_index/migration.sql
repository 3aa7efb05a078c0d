-- Titles alone, for the similar questions shown while a title is typed on the ask page. The
-- stored vectors hold titles and bodies together, so the planner's estimates for title words
-- counted body words too; an index of its own keeps the lookup on titles exact and fast.
CREATE INDEX "Question_title_search_idx" ON "Question" USING GIN (to_tsvector('english', "title"));
