"use client";

import Link from "@/components/admin/link";
import { markAllMessagesReadAction, markMessageReadAction } from "@/lib/messages/actions";
import { fill } from "@/lib/i18n/fill";
import { MESSAGE_TEXT as L } from "@/lib/messages/text";
import type { MessageKind } from "@/generated/prisma/enums";
import { GovFormStatus, useGovernanceAction } from "./governance-form";

export interface MessageItem {
  id: number;
  kind: MessageKind;
  text: string;
  articleId: number | null;
  actorName: string | null;
  time: string;
  read: boolean;
}

/** The user's 站内消息: unread ones marked, each with its article link and a button to mark it read. */
export function MessageList({ messages, unread }: { messages: MessageItem[]; unread: number }) {
  const markOne = useGovernanceAction(markMessageReadAction);
  const markAll = useGovernanceAction(markAllMessagesReadAction);
  return (
    <>
      <div className="button-row">
        <p className="muted" data-testid="messages-unread">
          {fill(L.unreadCount, { count: unread })}
        </p>
        {unread > 0 && (
          <button
            type="button"
            className="button"
            disabled={markAll.pending}
            onClick={() => void markAll.run({}, { success: (d) => fill(L.markedAllRead, { count: d.count }) })}
          >
            {L.markAllRead}
          </button>
        )}
      </div>
      <GovFormStatus error={markAll.error || markOne.error} message={markAll.message} testId="messages-status" />
      {messages.length === 0 ? (
        <p className="gov-card">{L.empty}</p>
      ) : (
        <ul className="message-list">
          {messages.map((m) => (
            <li key={m.id} className={m.read ? "message is-read" : "message is-unread"} data-testid="message">
              <p className="message-meta">
                <span className="badge">{L.kinds[m.kind]}</span> <span className="visually-hidden">{m.read ? L.read : L.unread}</span>
                <time className="muted gov-mono">{m.time}</time>
                <span className="muted">{fill(L.from, { name: m.actorName ?? L.system })}</span>
              </p>
              <p className="message-text">{m.text}</p>
              <p className="button-row">
                {m.articleId !== null && (
                  <Link href={`/admin/articles/${m.articleId}`} onClick={() => (m.read ? undefined : void markOne.run({ id: m.id }))}>
                    {L.openArticle}
                  </Link>
                )}
                {!m.read && (
                  <button type="button" className="button button-small" disabled={markOne.pending} onClick={() => void markOne.run({ id: m.id })}>
                    {L.markRead}
                  </button>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
