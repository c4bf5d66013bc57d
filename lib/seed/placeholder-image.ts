import sharp from "sharp";

/**
 * Deterministic placeholder pictures for demo content: a calm flat-illustration
 * landscape drawn as SVG and rasterised to JPEG with sharp. The palette cycles
 * through 12 entries and the composition through 4 scenes (river valley, city by
 * a lake, mountains with trees, desert dunes with wind turbines), with shapes
 * jittered by a PRNG seeded from the index, so consecutive indexes differ.
 * No text is drawn (fonts are not reliable everywhere).
 */

interface Palette {
  skyTop: string;
  skyBottom: string;
  sun: string;
  far: string;
  mid: string;
  near: string;
  water: string;
  /** Darker tone used for silhouettes (trees, buildings, turbines). */
  ink: string;
  night?: boolean;
}

const PALETTES: Palette[] = [
  // morning mist
  { skyTop: "#bcd8e8", skyBottom: "#f7efe3", sun: "#f8cf94", far: "#a9c1cc", mid: "#7fa3a8", near: "#4f7a74", water: "#9cc3cf", ink: "#3c5f5a" },
  // warm sunset
  { skyTop: "#ee9a7a", skyBottom: "#fbe2b8", sun: "#fff3d6", far: "#d98f7c", mid: "#a8646c", near: "#5e3b4e", water: "#eab092", ink: "#4a2d3d" },
  // clear noon
  { skyTop: "#79bfd6", skyBottom: "#e2f3f1", sun: "#fffbe8", far: "#9fcbb8", mid: "#62a48c", near: "#2f6f5e", water: "#6fb6c9", ink: "#245a4c" },
  // blue night
  { skyTop: "#17244a", skyBottom: "#4a5a86", sun: "#f4ecd0", far: "#3d4c76", mid: "#2b375c", near: "#1a2342", water: "#34466f", ink: "#121a33", night: true },
  // desert gold
  { skyTop: "#efc27e", skyBottom: "#fcefd4", sun: "#fff6e0", far: "#e2b57a", mid: "#cb925a", near: "#9c6a3c", water: "#a9d0cf", ink: "#7a5230" },
  // lavender dusk
  { skyTop: "#857db2", skyBottom: "#f3c8b4", sun: "#ffe4c4", far: "#a192b8", mid: "#746b9a", near: "#463f6b", water: "#b9a9cf", ink: "#352f55" },
  // spring green
  { skyTop: "#acdbe3", skyBottom: "#f5f8e6", sun: "#fff5c4", far: "#b9d8b1", mid: "#88ba8b", near: "#4f8b5c", water: "#8ec6d4", ink: "#3b6d47" },
  // autumn
  { skyTop: "#e6bf93", skyBottom: "#f8eddc", sun: "#f6a35e", far: "#d9a67d", mid: "#b9764c", near: "#7a4a32", water: "#c9b79e", ink: "#5c3624" },
  // winter
  { skyTop: "#b9cadb", skyBottom: "#eef2f6", sun: "#fdfdf8", far: "#c3d0dd", mid: "#96a9bd", near: "#6c8198", water: "#aebfd0", ink: "#4f6278" },
  // teal twilight
  { skyTop: "#0f3a4a", skyBottom: "#3b7c7d", sun: "#f8f1d8", far: "#2a6169", mid: "#1b4a55", near: "#0f2f39", water: "#2d6c73", ink: "#0a232b", night: true },
  // golden hour
  { skyTop: "#f0ae5a", skyBottom: "#fde6bb", sun: "#fff4d8", far: "#caa47b", mid: "#927c5d", near: "#4f4a3c", water: "#ebcb8f", ink: "#3d392e" },
  // soft overcast
  { skyTop: "#a9bcba", skyBottom: "#e8ece5", sun: "#f5f4ea", far: "#a5b7b0", mid: "#7a948b", near: "#4c645e", water: "#bccdc8", ink: "#3b504b" },
];

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = (seed * 0x9e3779b1 + 0x6d2b79f5) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** A smooth ridge line: y(x) = base + sum of sines with random phases. */
function ridge(rand: () => number, base: number, amp: number, waves = 3): (x: number) => number {
  const parts = Array.from({ length: waves }, (_, i) => ({
    freq: (i + 1) * (0.8 + rand() * 0.9),
    phase: rand() * Math.PI * 2,
    amp: amp / (i + 1) ** 1.1,
  }));
  return (x: number) => base + parts.reduce((y, p) => y + p.amp * Math.sin(p.freq * x * Math.PI * 2 + p.phase), 0);
}

/** Closed path under a ridge line, from x=0 to x=w, filled down to h. */
function ridgePath(f: (t: number) => number, w: number, h: number, steps = 48): string {
  const pts: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const x = (i / steps) * w;
    pts.push([x, f(i / steps)]);
  }
  let d = `M0 ${h} L${r1(pts[0][0])} ${r1(pts[0][1])}`;
  for (let i = 1; i < pts.length; i++) {
    const [px, py] = pts[i - 1];
    const [x, y] = pts[i];
    d += ` Q${r1(px)} ${r1(py)} ${r1((px + x) / 2)} ${r1((py + y) / 2)}`;
  }
  const last = pts[pts.length - 1];
  d += ` L${r1(last[0])} ${r1(last[1])} L${w} ${h} Z`;
  return d;
}

function cloud(cx: number, cy: number, s: number, fill: string, opacity: number): string {
  return (
    `<g fill="${fill}" opacity="${opacity}">` +
    `<rect x="${r1(cx - 70 * s)}" y="${r1(cy)}" width="${r1(140 * s)}" height="${r1(26 * s)}" rx="${r1(13 * s)}"/>` +
    `<circle cx="${r1(cx - 22 * s)}" cy="${r1(cy + 4 * s)}" r="${r1(24 * s)}"/>` +
    `<circle cx="${r1(cx + 16 * s)}" cy="${r1(cy - 2 * s)}" r="${r1(32 * s)}"/>` +
    `</g>`
  );
}

function pine(x: number, baseY: number, size: number, fill: string): string {
  const w = size * 0.5;
  return (
    `<rect x="${r1(x - size * 0.04)}" y="${r1(baseY - size * 0.2)}" width="${r1(size * 0.08)}" height="${r1(size * 0.22)}" fill="${fill}"/>` +
    `<path d="M${r1(x)} ${r1(baseY - size)} L${r1(x + w / 2)} ${r1(baseY - size * 0.15)} L${r1(x - w / 2)} ${r1(baseY - size * 0.15)} Z" fill="${fill}"/>`
  );
}

function roundTree(x: number, baseY: number, size: number, fill: string): string {
  return (
    `<rect x="${r1(x - size * 0.04)}" y="${r1(baseY - size * 0.45)}" width="${r1(size * 0.08)}" height="${r1(size * 0.47)}" fill="${fill}"/>` +
    `<ellipse cx="${r1(x)}" cy="${r1(baseY - size * 0.62)}" rx="${r1(size * 0.28)}" ry="${r1(size * 0.36)}" fill="${fill}"/>`
  );
}

function turbine(x: number, baseY: number, height: number, angle: number, fill: string): string {
  const hubY = baseY - height;
  const blade = height * 0.42;
  let blades = "";
  for (let k = 0; k < 3; k++) {
    const a = angle + (k * 2 * Math.PI) / 3;
    const ex = x + Math.cos(a) * blade;
    const ey = hubY + Math.sin(a) * blade;
    blades += `<line x1="${r1(x)}" y1="${r1(hubY)}" x2="${r1(ex)}" y2="${r1(ey)}" stroke="${fill}" stroke-width="${r1(height * 0.035)}" stroke-linecap="round"/>`;
  }
  return (
    `<path d="M${r1(x - height * 0.025)} ${r1(baseY)} L${r1(x - height * 0.01)} ${r1(hubY)} L${r1(x + height * 0.01)} ${r1(hubY)} L${r1(x + height * 0.025)} ${r1(baseY)} Z" fill="${fill}"/>` +
    blades +
    `<circle cx="${r1(x)}" cy="${r1(hubY)}" r="${r1(height * 0.03)}" fill="${fill}"/>`
  );
}

/** Builds the SVG markup for one placeholder picture. */
export function placeholderSvg(index: number, width = 960, height = 640): string {
  const idx = Math.abs(Math.trunc(index));
  const pal = PALETTES[idx % PALETTES.length];
  const scene = idx % 4;
  const rand = rng(idx + 1);
  const W = width;
  const H = height;
  const horizon = H * (0.52 + rand() * 0.08);

  const defs =
    `<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">` +
    `<stop offset="0" stop-color="${pal.skyTop}"/><stop offset="1" stop-color="${pal.skyBottom}"/></linearGradient>` +
    `<radialGradient id="glow"><stop offset="0" stop-color="${pal.sun}" stop-opacity="0.55"/>` +
    `<stop offset="1" stop-color="${pal.sun}" stop-opacity="0"/></radialGradient>` +
    `<linearGradient id="water" x1="0" y1="0" x2="0" y2="1">` +
    `<stop offset="0" stop-color="${pal.water}" stop-opacity="0.95"/><stop offset="1" stop-color="${pal.water}"/></linearGradient>` +
    `<linearGradient id="haze" x1="0" y1="0" x2="0" y2="1">` +
    `<stop offset="0" stop-color="${pal.skyBottom}" stop-opacity="0"/><stop offset="1" stop-color="${pal.skyBottom}" stop-opacity="0.45"/></linearGradient>` +
    `<radialGradient id="vignette" cx="0.5" cy="0.45" r="0.75"><stop offset="0.6" stop-color="#000" stop-opacity="0"/>` +
    `<stop offset="1" stop-color="#000" stop-opacity="0.18"/></radialGradient>`;

  const parts: string[] = [];
  parts.push(`<rect width="${W}" height="${H}" fill="url(#sky)"/>`);

  const sunX = W * (0.15 + rand() * 0.7);
  const sunY = horizon * (0.3 + rand() * 0.35);
  const sunR = H * (0.06 + rand() * 0.03);

  // Stars for night palettes.
  if (pal.night) {
    for (let i = 0; i < 40; i++) {
      const sx = rand() * W;
      const sy = rand() * horizon * 0.8;
      const sr = 0.8 + rand() * 1.4;
      if (Math.hypot(sx - sunX, sy - sunY) < sunR * 1.6) continue; // none on the moon
      parts.push(`<circle cx="${r1(sx)}" cy="${r1(sy)}" r="${r1(sr)}" fill="#fffbe8" opacity="${r1(0.4 + rand() * 0.5)}"/>`);
    }
  }

  // Sun or moon with a soft glow.
  parts.push(`<circle cx="${r1(sunX)}" cy="${r1(sunY)}" r="${r1(sunR * 3.2)}" fill="url(#glow)"/>`);
  if (pal.night) {
    // crescent moon: a disc with an offset disc masked out
    parts.push(
      `<mask id="crescent"><circle cx="${r1(sunX)}" cy="${r1(sunY)}" r="${r1(sunR)}" fill="#fff"/>` +
        `<circle cx="${r1(sunX + sunR * 0.5)}" cy="${r1(sunY - sunR * 0.3)}" r="${r1(sunR * 0.88)}" fill="#000"/></mask>`,
      `<circle cx="${r1(sunX)}" cy="${r1(sunY)}" r="${r1(sunR)}" fill="${pal.sun}" mask="url(#crescent)"/>`,
    );
  } else {
    parts.push(`<circle cx="${r1(sunX)}" cy="${r1(sunY)}" r="${r1(sunR)}" fill="${pal.sun}"/>`);
  }

  // Clouds (fewer at night).
  const cloudCount = pal.night ? 1 : 2 + Math.floor(rand() * 2);
  for (let i = 0; i < cloudCount; i++) {
    // one cloud per horizontal slot so that translucent clouds never overlap
    const slot = 0.84 / cloudCount;
    const cx = W * (0.08 + slot * i + slot * (0.3 + rand() * 0.4));
    const cy = horizon * (0.12 + rand() * 0.4);
    parts.push(cloud(cx, cy, 0.7 + rand() * 0.6, pal.night ? pal.far : "#ffffff", pal.night ? 0.35 : 0.55));
  }

  const hy = horizon / H; // horizon as fraction of height

  if (scene === 3) {
    // Desert dunes with wind turbines.
    const far = ridge(rand, hy * H, H * 0.035, 2);
    parts.push(`<path d="${ridgePath((t) => far(t), W, H)}" fill="${pal.far}"/>`);
    const turbines = 3 + Math.floor(rand() * 3);
    for (let i = 0; i < turbines; i++) {
      const t = 0.12 + (i / turbines) * 0.8 + rand() * 0.05;
      const x = t * W;
      parts.push(`<g opacity="0.6">${turbine(x, far(t) + 4, H * (0.13 + rand() * 0.06), rand() * Math.PI * 2, pal.ink)}</g>`);
    }
    const midD = ridge(rand, hy * H + H * 0.1, H * 0.05, 2);
    parts.push(`<path d="${ridgePath((t) => midD(t), W, H)}" fill="${pal.mid}"/>`);
    // a thin sunlit highlight on the mid dune
    parts.push(`<path d="${ridgePath((t) => midD(t) + 3, W, H)}" fill="${pal.far}" opacity="0.25"/>`);
    const nearD = ridge(rand, hy * H + H * 0.24, H * 0.06, 2);
    parts.push(`<path d="${ridgePath((t) => nearD(t), W, H)}" fill="${pal.near}"/>`);
    // a few shrubs on the near dune
    for (let i = 0; i < 6; i++) {
      const t = rand();
      const x = t * W;
      parts.push(`<ellipse cx="${r1(x)}" cy="${r1(nearD(t) + 6)}" rx="${r1(10 + rand() * 10)}" ry="${r1(6 + rand() * 5)}" fill="${pal.ink}" opacity="0.7"/>`);
    }
  } else {
    // Far mountains.
    const far = ridge(rand, hy * H - H * (scene === 2 ? 0.12 : 0.06), H * (scene === 2 ? 0.09 : 0.05), 3);
    parts.push(`<path d="${ridgePath((t) => far(t), W, H)}" fill="${pal.far}"/>`);
    if (scene === 2) {
      // snow caps / light faces on the far range
      parts.push(`<path d="${ridgePath((t) => far(t), W, H)}" fill="url(#haze)"/>`);
    }

    if (scene === 1) {
      // City skyline on the far shore of a lake.
      const shore = hy * H + H * 0.02;
      let x = W * (0.05 + rand() * 0.1);
      const end = W * (0.85 + rand() * 0.1);
      while (x < end) {
        const bw = W * (0.025 + rand() * 0.045);
        const bh = H * (0.05 + rand() * 0.17);
        const y = shore - bh;
        parts.push(`<rect x="${r1(x)}" y="${r1(y)}" width="${r1(bw)}" height="${r1(bh + 2)}" fill="${pal.mid}"/>`);
        if (rand() < 0.3) {
          // a stepped top or antenna
          parts.push(`<rect x="${r1(x + bw * 0.25)}" y="${r1(y - bh * 0.12)}" width="${r1(bw * 0.5)}" height="${r1(bh * 0.12 + 1)}" fill="${pal.mid}"/>`);
        }
        // windows as faint horizontal bands
        const rows = Math.floor(bh / 14);
        for (let rI = 1; rI < rows; rI += 2) {
          parts.push(
            `<rect x="${r1(x + bw * 0.18)}" y="${r1(y + rI * 14)}" width="${r1(bw * 0.64)}" height="3" fill="${pal.night ? "#f8e7a8" : pal.skyBottom}" opacity="${pal.night ? 0.55 : 0.28}"/>`,
          );
        }
        x += bw + W * (0.004 + rand() * 0.012);
      }
      // lake
      parts.push(`<rect x="0" y="${r1(shore)}" width="${W}" height="${r1(H - shore)}" fill="url(#water)"/>`);
      // reflection of the sun/moon as a few short streaks
      for (let i = 0; i < 6; i++) {
        const yy = shore + 10 + i * 14 + rand() * 6;
        const ww = sunR * (1.8 - i * 0.22) * (0.7 + rand() * 0.5);
        parts.push(`<rect x="${r1(sunX - ww / 2)}" y="${r1(yy)}" width="${r1(ww)}" height="3" rx="1.5" fill="${pal.sun}" opacity="${r1(0.6 - i * 0.07)}"/>`);
      }
      // near bank with trees
      const bank = ridge(rand, H * 0.9, H * 0.025, 2);
      parts.push(`<path d="${ridgePath((t) => bank(t), W, H)}" fill="${pal.near}"/>`);
      for (let i = 0; i < 7; i++) {
        const t = rand() < 0.5 ? rand() * 0.3 : 0.7 + rand() * 0.3;
        parts.push(roundTree(t * W, bank(t) + 4, H * (0.08 + rand() * 0.06), pal.ink));
      }
    } else {
      // Mid hills.
      const mid = ridge(rand, hy * H + H * 0.05, H * 0.05, 3);
      parts.push(`<path d="${ridgePath((t) => mid(t), W, H)}" fill="${pal.mid}"/>`);
      parts.push(`<path d="${ridgePath((t) => mid(t), W, H)}" fill="url(#haze)" opacity="0.6"/>`);

      if (scene === 0) {
        // A river winding from the horizon to the foreground.
        const startX = W * (0.35 + rand() * 0.3);
        const startY = mid(startX / W) + H * 0.02;
        const bend = (rand() < 0.5 ? -1 : 1) * W * (0.12 + rand() * 0.14);
        const endX = W * (0.3 + rand() * 0.4);
        const c1x = startX + bend;
        const c2x = endX - bend * 0.8;
        const yMid = (startY + H) / 2;
        const w0 = W * 0.01;
        const w1 = W * 0.34;
        const left = `M${r1(startX - w0)} ${r1(startY)} C${r1(c1x - w0 * 3)} ${r1(yMid - H * 0.05)} ${r1(c2x - w1 * 0.5)} ${r1(yMid + H * 0.1)} ${r1(endX - w1 / 2)} ${H}`;
        const right = `L${r1(endX + w1 / 2)} ${H} C${r1(c2x + w1 * 0.5)} ${r1(yMid + H * 0.1)} ${r1(c1x + w0 * 3)} ${r1(yMid - H * 0.05)} ${r1(startX + w0)} ${r1(startY)} Z`;
        const near = ridge(rand, H * 0.8, H * 0.04, 2);
        // fields on either side
        parts.push(`<path d="${ridgePath((t) => near(t) - H * 0.06, W, H)}" fill="${pal.near}" opacity="0.55"/>`);
        parts.push(`<path d="${left} ${right}" fill="url(#water)"/>`);
        // short horizontal ripples along the river's centre line
        const bez = (t: number, a: number, b: number, c: number, d: number) =>
          (1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t ** 2 * c + t ** 3 * d;
        for (let i = 0; i < 7; i++) {
          const t = 0.18 + i * 0.11 + rand() * 0.04;
          const rx = bez(t, startX, c1x, c2x, endX) + (rand() - 0.5) * W * 0.02 * t;
          const ry = bez(t, startY, yMid - H * 0.05, yMid + H * 0.1, H);
          const len = W * (0.012 + 0.06 * t * t);
          parts.push(
            `<rect x="${r1(rx - len / 2)}" y="${r1(ry)}" width="${r1(len)}" height="${r1(1.5 + t * 2)}" rx="1.5" fill="${pal.skyBottom}" opacity="0.55"/>`,
          );
        }
        // foreground banks framing the river, left and right
        const bankL = `M0 ${r1(H * (0.74 + rand() * 0.06))} Q${r1(W * 0.18)} ${r1(H * 0.8)} ${r1(endX - w1 * 0.55)} ${H} L0 ${H} Z`;
        const bankR = `M${W} ${r1(H * (0.76 + rand() * 0.06))} Q${r1(W * 0.82)} ${r1(H * 0.84)} ${r1(endX + w1 * 0.55)} ${H} L${W} ${H} Z`;
        parts.push(`<path d="${bankL}" fill="${pal.near}"/>`, `<path d="${bankR}" fill="${pal.near}"/>`);
        for (let i = 0; i < 4; i++) {
          parts.push(roundTree(W * (0.03 + rand() * 0.12), H * (0.86 + rand() * 0.1), H * (0.09 + rand() * 0.05), pal.ink));
          parts.push(roundTree(W * (0.85 + rand() * 0.12), H * (0.88 + rand() * 0.1), H * (0.09 + rand() * 0.05), pal.ink));
        }
      } else {
        // scene 2: mountains, a meadow and rows of pines.
        const near = ridge(rand, hy * H + H * 0.2, H * 0.05, 2);
        parts.push(`<path d="${ridgePath((t) => near(t), W, H)}" fill="${pal.near}"/>`);
        const count = 14;
        for (let i = 0; i < count; i++) {
          const t = (i + rand() * 0.8) / count;
          parts.push(pine(t * W, near(t) + 6, H * (0.1 + rand() * 0.08), pal.ink));
        }
        const fore = ridge(rand, H * 0.92, H * 0.02, 2);
        parts.push(`<path d="${ridgePath((t) => fore(t), W, H)}" fill="${pal.ink}" opacity="0.85"/>`);
      }
    }
  }

  // Gentle vignette to calm the edges.
  parts.push(`<rect width="${W}" height="${H}" fill="url(#vignette)"/>`);

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
    `<defs>${defs}</defs>${parts.join("")}</svg>`
  );
}

/** Renders placeholder picture `index` as a JPEG buffer. */
export async function renderPlaceholderImage(index: number, width = 960, height = 640): Promise<Buffer> {
  const svg = placeholderSvg(index, width, height);
  return sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
}
