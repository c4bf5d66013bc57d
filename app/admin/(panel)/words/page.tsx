import type { Metadata } from "next";
import Link from "@/components/admin/link";
import { GovernanceWordForm } from "@/components/admin/governance-word-form";
import { GovernanceWordTable } from "@/components/admin/governance-word-table";
import { fill } from "@/components/admin/governance-text";
import { requireRole } from "@/lib/auth/session";
import { t } from "@/lib/i18n/zh-CN";
import { listWords } from "@/lib/words/queries";

const L = t.adminWords;

export const metadata: Metadata = { title: L.title };

export default async function WordsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireRole("ADMIN");
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q.slice(0, 50) : "";
  const kind = params.kind === "blocking" || params.kind === "warning" ? params.kind : undefined;
  const words = await listWords({ q, kind });
  return (
    <section className="gov-page">
      <header className="gov-page-header">
        <div>
          <h1>{L.title}</h1>
          <p className="muted">{L.intro}</p>
        </div>
      </header>
      <section className="gov-card">
        <h2>{L.newWord}</h2>
        <GovernanceWordForm />
      </section>
      <form method="get" action="/admin/words" className="gov-filters" aria-label={L.filter}>
        <div className="field">
          <label htmlFor="words-q">{L.search}</label>
          <input id="words-q" name="q" type="search" defaultValue={q} maxLength={50} />
        </div>
        <div className="field">
          <label htmlFor="words-kind">{L.kind}</label>
          <select id="words-kind" name="kind" defaultValue={kind ?? ""}>
            <option value="">{L.anyKind}</option>
            <option value="blocking">{L.blocking}</option>
            <option value="warning">{L.warning}</option>
          </select>
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {L.filter}
          </button>
          {(q || kind) && (
            <Link href="/admin/words" className="button">
              {t.adminAudit.reset}
            </Link>
          )}
        </div>
        <span className="muted">{fill(L.count, { count: words.length })}</span>
      </form>
      <GovernanceWordTable words={words.map(({ id, word, blocking, replacement, note }) => ({ id, word, blocking, replacement, note }))} />
    </section>
  );
}
