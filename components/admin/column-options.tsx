/** The column choices of a <select>, indented by depth (columnChoicesFor's order). */
export function ColumnOptions({ columns }: { columns: { id: number; name: string; depth: number }[] }) {
  return columns.map((c) => (
    <option key={c.id} value={c.id}>
      {"　".repeat(c.depth)}
      {c.name}
    </option>
  ));
}
