/** Dates are shown in the site's time zone (Asia/Shanghai unless DISPLAY_TIME_ZONE says otherwise). */
const TIME_ZONE = process.env.DISPLAY_TIME_ZONE || "Asia/Shanghai";

const dateTimeFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function parts(date: Date) {
  const out: Record<string, string> = {};
  for (const p of dateTimeFormat.formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** YYYY-MM-DD HH:mm:ss */
export function formatDateTime(date: Date): string {
  const p = parts(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** YYYY-MM-DD */
export function formatDate(date: Date): string {
  const p = parts(date);
  return `${p.year}-${p.month}-${p.day}`;
}

/** A calendar date stored as a DATE column (UTC midnight): YYYY-MM-DD without shifting. */
export function formatCalendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
