-- CreateTable
CREATE TABLE "MediaUse" (
    "mediaId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,

    CONSTRAINT "MediaUse_pkey" PRIMARY KEY ("mediaId","articleId")
);

-- CreateTable
CREATE TABLE "PublicMediaKey" (
    "key" TEXT NOT NULL,
    "source" INTEGER NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublicMediaKey_pkey" PRIMARY KEY ("key","source")
);

-- CreateIndex
CREATE INDEX "MediaUse_articleId_idx" ON "MediaUse"("articleId");

-- CreateIndex
CREATE INDEX "PublicMediaKey_source_idx" ON "PublicMediaKey"("source");

-- CreateIndex
CREATE INDEX "Media_variants_idx" ON "Media" USING GIN ("variants" jsonb_path_ops);

-- AddForeignKey
ALTER TABLE "MediaUse" ADD CONSTRAINT "MediaUse_mediaId_fkey" FOREIGN KEY ("mediaId") REFERENCES "Media"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediaUse" ADD CONSTRAINT "MediaUse_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Who may fetch a media file (lib/media/access.ts). Kept by the database, like
-- "PublicTitleTag": whichever code path writes a revision, publishes, withdraws or
-- changes the logo (workflow, scheduler, restore, seed, a future one), these triggers
-- keep "MediaUse" and "PublicMediaKey" right, so the media route never has to work
-- out from the articles whether a file is public.

-- The media keys an article body links, as the sanitized HTML stores them (img src and
-- srcset, links to attachments): whatever a public page points at is fetchable. Keys
-- have the shape lib/media/storage.ts allows.
CREATE FUNCTION gazette_html_media_keys(html text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT DISTINCT m[1] FROM regexp_matches(html, '/media/([a-z0-9][a-z0-9/_.-]{0,200})', 'g') AS m
$fn$;

-- Every stored key of the given media: the file, and each rendition of an image.
CREATE FUNCTION gazette_media_keys(ids int[]) RETURNS SETOF text
LANGUAGE sql STABLE AS $fn$
  SELECT m."storageKey" FROM "Media" m WHERE m.id = ANY(ids)
  UNION
  SELECT v->>'key'
  FROM "Media" m, jsonb_array_elements(CASE jsonb_typeof(m.variants) WHEN 'array' THEN m.variants ELSE '[]'::jsonb END) v
  WHERE m.id = ANY(ids) AND v->>'key' IS NOT NULL
$fn$;

-- The existing media a revision uses: its cover, its attachments (ids the save checked
-- the author may use: lib/articles/content.ts), and what its body shows or links — by
-- the keys in the HTML, never by the body's data-media-id: that is a guessable number
-- a crafted save could set, while the page shows the picture at its src.
CREATE FUNCTION gazette_revision_media_ids(rev_id int) RETURNS int[]
LANGUAGE sql STABLE AS $fn$
  WITH r AS (SELECT * FROM "ArticleRevision" WHERE id = rev_id),
  ids AS (
    SELECT r."coverId" AS id FROM r
    UNION ALL
    SELECT (a->>'mediaId')::int
    FROM r, jsonb_array_elements(CASE jsonb_typeof(r.attachments) WHEN 'array' THEN r.attachments ELSE '[]'::jsonb END) a
    WHERE (a->>'mediaId') ~ '^[0-9]{1,9}$'
    UNION ALL
    SELECT m.id FROM r, gazette_html_media_keys(r."bodyHtml") k JOIN "Media" m ON m."storageKey" = k
    UNION ALL
    SELECT m.id FROM r, gazette_html_media_keys(r."bodyHtml") k JOIN "Media" m
      ON m.variants @> jsonb_build_array(jsonb_build_object('key', k))
  )
  SELECT coalesce(array_agg(m.id ORDER BY m.id), '{}') FROM "Media" m WHERE m.id IN (SELECT id FROM ids)
$fn$;

-- What a revision makes public once it is live: every key of the media it uses, and
-- whatever else its body links under /media/.
CREATE FUNCTION gazette_revision_public_keys(rev_id int) RETURNS SETOF text
LANGUAGE sql STABLE AS $fn$
  SELECT k FROM gazette_media_keys(gazette_revision_media_ids(rev_id)) k
  UNION
  SELECT k FROM "ArticleRevision" r, gazette_html_media_keys(r."bodyHtml") k WHERE r.id = rev_id
$fn$;

-- Revisions are never updated: each new one adds the media it uses to its article's.
CREATE FUNCTION "gazette_media_use_trigger"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO "MediaUse" ("mediaId", "articleId")
  SELECT u.id, NEW."articleId" FROM unnest(gazette_revision_media_ids(NEW.id)) AS u(id)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER "ArticleRevision_media_use_sync"
  AFTER INSERT ON "ArticleRevision"
  FOR EACH ROW EXECUTE FUNCTION gazette_media_use_trigger();

-- The article's public keys follow its live state: the same rule as publicArticleWhere
-- (live, with a live revision; public from its 公开日期, checked when the file is asked for).
CREATE FUNCTION "gazette_public_media_trigger"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.live, NEW."liveRevisionId", NEW."publishedAt")
      IS NOT DISTINCT FROM (OLD.live, OLD."liveRevisionId", OLD."publishedAt") THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM "PublicMediaKey" WHERE source = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.live AND NEW."liveRevisionId" IS NOT NULL AND NEW."publishedAt" IS NOT NULL THEN
    INSERT INTO "PublicMediaKey" (key, source, "publishedAt")
    SELECT k, NEW.id, NEW."publishedAt" FROM gazette_revision_public_keys(NEW."liveRevisionId") k
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER "Article_public_media_sync"
  AFTER INSERT OR DELETE OR UPDATE OF live, "liveRevisionId", "publishedAt" ON "Article"
  FOR EACH ROW EXECUTE FUNCTION gazette_public_media_trigger();

-- The logo is on every public page, from the moment it is set (source 0).
CREATE FUNCTION "gazette_public_logo_trigger"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."logoId" IS NOT DISTINCT FROM OLD."logoId" THEN
    RETURN NULL;
  END IF;
  DELETE FROM "PublicMediaKey" WHERE source = 0;
  IF TG_OP <> 'DELETE' AND NEW."logoId" IS NOT NULL THEN
    INSERT INTO "PublicMediaKey" (key, source, "publishedAt")
    SELECT k, 0, TIMESTAMP '1970-01-01' FROM gazette_media_keys(ARRAY[NEW."logoId"]) k
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER "SiteSettings_public_logo_sync"
  AFTER INSERT OR DELETE OR UPDATE OF "logoId" ON "SiteSettings"
  FOR EACH ROW EXECUTE FUNCTION gazette_public_logo_trigger();

-- What is there already.
INSERT INTO "MediaUse" ("mediaId", "articleId")
SELECT u.id, r."articleId" FROM "ArticleRevision" r, unnest(gazette_revision_media_ids(r.id)) AS u(id)
ON CONFLICT DO NOTHING;

INSERT INTO "PublicMediaKey" (key, source, "publishedAt")
SELECT k, a.id, a."publishedAt" FROM "Article" a, gazette_revision_public_keys(a."liveRevisionId") k
WHERE a.live AND a."liveRevisionId" IS NOT NULL AND a."publishedAt" IS NOT NULL
ON CONFLICT DO NOTHING;

INSERT INTO "PublicMediaKey" (key, source, "publishedAt")
SELECT k, 0, TIMESTAMP '1970-01-01' FROM "SiteSettings" s, gazette_media_keys(ARRAY[s."logoId"]) k
WHERE s.id = 1 AND s."logoId" IS NOT NULL
ON CONFLICT DO NOTHING;
