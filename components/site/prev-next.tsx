import { displayTitle } from "@/lib/articles/format";
import type { Neighbours } from "@/lib/articles/public-lists";
import { t } from "@/lib/i18n/zh-CN";

/** 上一条 / 下一条 in the same column, with their titles; 没有了 at either end. */
export function PrevNext({ neighbours }: { neighbours: Neighbours }) {
  const s = t.site;
  const row = (label: string, item: Neighbours["previous"], rel: "prev" | "next") => (
    <p>
      <span className="prev-next-label">{label}：</span>
      {item ? (
        <a href={`/articles/${item.id}`} rel={rel}>
          {displayTitle(item.title, item.titleTags)}
        </a>
      ) : (
        <span className="prev-next-none">{s.none}</span>
      )}
    </p>
  );
  return (
    <nav className="prev-next" aria-label={`${s.previous} / ${s.next}`}>
      {row(s.previous, neighbours.previous, "prev")}
      {row(s.next, neighbours.next, "next")}
    </nav>
  );
}
