-- The bulk path (lib/bulk/articles.ts: the synthetic generator, the site importer) COPYs
-- a batch's revisions before its articles, because the articles' own triggers (public
-- title tags, public media keys) read the live revision. Until the articles are in, a
-- revision — and the MediaUse row its trigger writes — refers to an article that does not
-- exist yet, so these two keys may be checked at COMMIT instead. They stay INITIALLY
-- IMMEDIATE: every other write is checked at once, as before; only a transaction that
-- says SET CONSTRAINTS … DEFERRED waits. Prisma's schema has no word for this.
ALTER TABLE "ArticleRevision" ALTER CONSTRAINT "ArticleRevision_articleId_fkey" DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE "MediaUse" ALTER CONSTRAINT "MediaUse_articleId_fkey" DEFERRABLE INITIALLY IMMEDIATE;
