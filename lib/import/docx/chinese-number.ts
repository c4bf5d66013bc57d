/**
 * Numbers as Word writes them in its Chinese list formats (ECMA-376 §17.18.59 ST_NumberFormat),
 * for the literal 公文 numbers of ./numbering.ts.
 */
const DIGITS = "〇一二三四五六七八九";

/** ideographDigital: digit by digit, 10 → 一〇. */
export function ideographDigital(n: number): string {
  return String(Math.max(0, Math.trunc(n)))
    .split("")
    .map((d) => DIGITS[Number(d)])
    .join("");
}

/** 1–9999 in full Chinese counting: 十一, 二十, 一百零一, 一千零一十; 0 as 〇. */
function counted(n: number): string {
  if (n === 0) return "〇";
  const units = ["", "十", "百", "千"];
  const digits = String(n).split("").map(Number);
  let out = "";
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i];
    if (d === 0) {
      zero = out !== "";
      return;
    }
    if (zero) out += "零";
    zero = false;
    // 10–19 are 十, 十一…, not 一十一 (but 110 is 一百一十).
    out += (d === 1 && unit === "十" && out === "" ? "" : DIGITS[d]) + unit;
  });
  return out;
}

/**
 * chineseCounting: 一 … 十, 十一 … 九十九 counted; from 100 on, Word writes this format
 * digit by digit (100 → 一〇〇), as ideographDigital does.
 */
export function chineseCounting(n: number): string {
  const v = Math.max(0, Math.trunc(n));
  return v < 100 ? counted(v) : ideographDigital(v);
}

/** chineseCountingThousand: counted with 百 and 千 up to 9999 (一百零一); larger numbers digit by digit, a fallback no 公文 reaches. */
export function chineseCountingThousand(n: number): string {
  const v = Math.max(0, Math.trunc(n));
  return v < 10000 ? counted(v) : ideographDigital(v);
}
