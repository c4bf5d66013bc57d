import type { Metadata } from "next";
import { MessageList } from "@/components/admin/message-list";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/date";
import { listMessages, unreadMessageCount } from "@/lib/messages/queries";
import { MESSAGE_TEXT as L } from "@/lib/messages/text";

export const metadata: Metadata = { title: L.title };

export default async function MessagesPage() {
  const user = await requireUser();
  const [list, unread] = await Promise.all([listMessages(user.id), unreadMessageCount(user.id)]);
  const messages = list.rows.map((m) => ({
    id: m.id,
    kind: m.kind,
    text: m.text,
    articleId: m.articleId,
    actorName: m.actor?.name ?? null,
    time: formatDateTime(m.createdAt),
    read: m.readAt !== null,
  }));
  return (
    <section className="gov-page">
      <header className="gov-page-header">
        <div>
          <h1>{L.title}</h1>
          <p className="muted">{L.intro}</p>
        </div>
      </header>
      <MessageList messages={messages} unread={unread} />
    </section>
  );
}
