/**
 * Who may call what: the authorization matrix (issue 7), checked by
 * test/authz/actions.test.ts (every server action) and e2e/security-authz.spec.ts
 * (every admin page and route handler). A new action, page or route without a rule
 * here fails those tests: add one line, naming the roles that are allowed.
 */
export type Who = "anonymous" | "EDITOR" | "REVIEWER" | "ADMIN";
export const STAFF_ROLES = ["EDITOR", "REVIEWER", "ADMIN"] as const;

const ADMIN: Who[] = ["ADMIN"];
const REVIEWERS: Who[] = ["REVIEWER", "ADMIN"];
const STAFF: Who[] = ["EDITOR", "REVIEWER", "ADMIN"];
const EVERYONE: Who[] = ["anonymous", ...STAFF];
const NOBODY: Who[] = [];

/** Server actions by name (action({ name })): the roles that pass the wrapper's checks. */
export const actionRules: Record<string, Who[]> = {
  "account.change-password": STAFF,
  "account.2fa.begin": STAFF,
  "account.2fa.confirm": STAFF,
  "account.2fa.disable": STAFF,
  "account.2fa.recovery-codes": STAFF,
  "account.message-mail": STAFF,
  "article.create": STAFF,
  "article.save": STAFF,
  "article.delete": STAFF,
  "article.duplicate": STAFF,
  "article.restore": STAFF,
  "article.importWord": STAFF,
  "document.search": STAFF,
  "column.create": ADMIN,
  "column.update": ADMIN,
  "column.reorder": ADMIN,
  "column.set-hidden": ADMIN,
  "column.delete": ADMIN,
  "health.run": ADMIN,
  "message.read": STAFF,
  "message.read-all": STAFF,
  "media.updateAlt": STAFF,
  "media.upload": STAFF,
  "media.localize-remote": STAFF,
  "reviewer-group.create": ADMIN,
  "reviewer-group.update": ADMIN,
  "reviewer-group.delete": ADMIN,
  "settings.update": ADMIN,
  "statistics.annual-report-draft": REVIEWERS,
  "settings.logo": ADMIN,
  "settings.logo-remove": ADMIN,
  "user.create": ADMIN,
  "user.update": ADMIN,
  "user.set-disabled": ADMIN,
  "user.reset-password": ADMIN,
  "user.reset-2fa": ADMIN,
  "user.unlock": ADMIN,
  "word.create": ADMIN,
  "word.update": ADMIN,
  "word.delete": ADMIN,
  "topic.create": ADMIN,
  "topic.update": ADMIN,
  "topic.move": ADMIN,
  "topic.delete": ADMIN,
  "workflow.submit": STAFF,
  "workflow.recall": STAFF,
  "workflow.approve": REVIEWERS,
  "workflow.reject": REVIEWERS,
  "workflow.send-back": REVIEWERS,
  "workflow.publish": REVIEWERS,
  "workflow.schedule": REVIEWERS,
  "workflow.unschedule": REVIEWERS,
  "workflow.withdraw": REVIEWERS,
};

/**
 * Admin pages by route (app/admin/**\/page.tsx, route groups dropped, [param] kept).
 * Anonymous visitors are always sent to the login page, except for the login page itself.
 */
export const pageRules: Record<string, Who[]> = {
  "/admin/login": EVERYONE,
  "/admin": STAFF,
  "/admin/account": STAFF,
  "/admin/articles": STAFF,
  "/admin/articles/new": STAFF,
  "/admin/articles/[id]": STAFF,
  "/admin/articles/[id]/revisions": STAFF,
  "/admin/articles/[id]/preview": STAFF,
  "/admin/articles/[id]/approval-form": STAFF,
  "/admin/messages": STAFF,
  "/admin/media": STAFF,
  "/admin/columns": ADMIN,
  "/admin/columns/[id]": ADMIN,
  "/admin/users": ADMIN,
  "/admin/users/new": ADMIN,
  "/admin/users/[id]": ADMIN,
  "/admin/words": ADMIN,
  "/admin/topics": ADMIN,
  "/admin/audit": ADMIN,
  "/admin/health-check": REVIEWERS,
  "/admin/redirects": ADMIN,
  "/admin/settings": ADMIN,
  "/admin/statistics": STAFF,
  "/admin/statistics/annual-report": REVIEWERS,
  "/admin/statistics/annual-report/items": REVIEWERS,
};

/**
 * Route handlers by route and method (app/**\/route.ts). Public ones answer everyone;
 * internal ones (instance-to-instance, with a shared token) answer no session at all.
 */
export const routeRules: Record<string, Who[]> = {
  "GET /api/health": EVERYONE,
  "GET /api/auth/[...nextauth]": EVERYONE,
  "POST /api/auth/[...nextauth]": EVERYONE,
  "POST /api/views": EVERYONE,
  "GET /api/media": STAFF,
  "POST /api/media": STAFF,
  "POST /api/articles/import": STAFF,
  "POST /api/internal/refresh": NOBODY,
  "POST /api/internal/tick": NOBODY,
  "GET /media/[...key]": EVERYONE,
  "GET /sitemap.xml": EVERYONE,
  "GET /sitemaps/[part]": EVERYONE,
  "GET /feed.xml": EVERYONE,
  "GET /articles/[id]/download": EVERYONE,
  "GET /articles/[id]/withdrawn": EVERYONE,
  "GET /columns/[slug]/feed.xml": EVERYONE,
  "GET /admin/audit/export": ADMIN,
  "GET /admin/statistics/export": STAFF,
  "GET /admin/statistics/annual-report/export": REVIEWERS,
  "GET /admin/redirects/export": ADMIN,
  "GET /admin/articles/[id]/approval-form/pdf": STAFF,
};

/** Sample values for dynamic segments when the e2e part requests a page or route. */
export const sampleParams: Record<string, string> = {
  id: "1",
  slug: "",
  key: "no-such-file.webp",
  "...nextauth": "session",
  "...key": "no-such-file.webp",
};
