import type { Metadata } from "next";
import { GovernanceTopicForm } from "@/components/admin/governance-topic-form";
import { GovernanceTopicTable } from "@/components/admin/governance-topic-table";
import { requireRole } from "@/lib/auth/session";
import { fill } from "@/lib/i18n/fill";
import { listTopicsWithUsage } from "@/lib/topics/queries";
import { topicText as L } from "@/lib/topics/text";

export const metadata: Metadata = { title: L.title };

export default async function TopicsPage() {
  await requireRole("ADMIN");
  const topics = await listTopicsWithUsage();
  return (
    <section className="gov-page">
      <header className="gov-page-header">
        <div>
          <h1>{L.title}</h1>
          <p className="muted">{L.intro}</p>
        </div>
      </header>
      <section className="gov-card">
        <h2>{L.newTopic}</h2>
        <GovernanceTopicForm />
      </section>
      <p className="muted">{fill(L.count, { count: topics.length })}</p>
      <GovernanceTopicTable topics={topics} />
    </section>
  );
}
