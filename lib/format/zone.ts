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
