/** The display time zone's UTC offset at `at`, as "+08:00". */
export function zoneOffset(at: Date = new Date(), timeZone = process.env.DISPLAY_TIME_ZONE || "Asia/Shanghai"): string {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;
  const match = /GMT([+-]\d{2}:\d{2})/.exec(name ?? "");
  return match ? match[1] : "+00:00";
}

/** A <input type="datetime-local"> value ("2026-11-29T10:30") read as wall time in the display zone. */
export function fromLocalInput(value: string, offset: string): Date {
  return new Date(`${value.length === 16 ? `${value}:00` : value}${offset}`);
}

/** A stored instant as the wall time of the display zone, for <input type="datetime-local">. */
export function toLocalInput(iso: string | null, offset: string): string {
  if (!iso) return "";
  const [sign, hh, mm] = [offset[0] === "-" ? -1 : 1, Number(offset.slice(1, 3)), Number(offset.slice(4, 6))];
  return new Date(new Date(iso).getTime() + sign * (hh * 60 + mm) * 60_000).toISOString().slice(0, 16);
}

/** What a time field says its zone is: UTC+8 is 北京时间 to every reader; any other offset by its number. */
export function zoneLabel(offset: string): string {
  return offset === "+08:00" ? "北京时间" : `UTC${offset}`;
}
