import type { ColumnNode } from "@/lib/columns/queries";

/** Nested lists of columns (the phone menu, the site map); nothing for none. */
export function ColumnTree({ nodes, className }: { nodes: ColumnNode[]; className?: string }) {
  if (nodes.length === 0) return null;
  return (
    <ul className={className}>
      {nodes.map((node) => (
        <li key={node.id}>
          <a href={`/columns/${node.slug}`}>{node.name}</a>
          <ColumnTree nodes={node.children} />
        </li>
      ))}
    </ul>
  );
}
