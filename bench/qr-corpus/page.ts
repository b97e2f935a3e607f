import QRCode from 'qrcode';
import type { CorpusCode, CorpusScene } from './scenes';

/**
 * The HTML of one corpus frame: a page that looks like a 2FA set-up page, a docs page or an
 * admin screen, filling the whole viewport, with the scene's codes drawn by the page itself
 * (img, canvas, SVG) the way real pages draw them. `window.__ready` turns true once every image
 * has loaded, so the screenshot never catches a half-drawn code.
 */

const QUIET = 4;

interface CodeBox {
  code: CorpusCode;
  /** Modules per side including the quiet zone. */
  n: number;
  /** CSS px per module and the code's position in CSS px. */
  m: number;
  left: number;
  top: number;
  modules: string;
  svg?: string | undefined;
}

export function codeBoxes(scene: CorpusScene): CodeBox[] {
  const cssW = scene.width / scene.dsf;
  const cssH = scene.height / scene.dsf;
  return scene.codes.map((code) => {
    const qr = QRCode.create(code.text, { errorCorrectionLevel: code.ecl });
    const size = qr.modules.size;
    const n = size + 2 * QUIET;
    const m = code.pxPerModule / scene.dsf;
    const side = n * m;
    let modules = '';
    for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) modules += qr.modules.get(r, c) ? '1' : '0';
    return {
      code,
      n,
      m,
      left: Math.round(code.fx * (cssW - side - 8) + 4),
      top: Math.round(code.fy * (cssH - side - 8) + 4),
      modules,
      svg: code.method === 'svg-path' ? svgPath(code) : undefined,
    };
  });
}

function svgPath(code: CorpusCode): string {
  // The qrcode package's own SVG output, as pages that use it inline it.
  let svg = '';
  QRCode.toString(
    code.text,
    { type: 'svg', errorCorrectionLevel: code.ecl, margin: QUIET, color: { dark: code.fg, light: code.bg } },
    (err, s) => {
      if (err) throw err;
      svg = s;
    },
  );
  return svg;
}

const WORDS =
  'Scan the code with your authenticator app then enter the six digit code it shows to finish setting up two factor authentication for your account keep your recovery codes somewhere safe each code works once administrators can reset enrolment from the users page'.split(
    ' ',
  );

function sentence(seed: number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[(seed * 7 + i * 3 + ((i * i) % 5)) % WORDS.length]!);
  const s = out.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}

function panel(kind: CorpusScene['page'], k: number): string {
  if (kind === 'setup') {
    return `<section class="card"><h2>Set up two-factor authentication</h2>
      <ol><li>${sentence(k, 9)}</li><li>${sentence(k + 1, 11)}</li><li>${sentence(k + 2, 7)}</li></ol>
      <p class="muted">Can't scan? Enter this key instead:</p><code class="key">JBSW Y3DP EHPK 3PXP ${String(k).padStart(4, '0')} QRST</code>
      <label>Verification code<input value="" placeholder="123 456"></label>
      <div class="row"><button class="primary">Verify</button><button>Cancel</button></div></section>`;
  }
  if (kind === 'docs') {
    const icons = Array.from({ length: 8 }, (_, i) => `<span class="icon i${(i + k) % 4}"></span>`).join('');
    return `<section class="card"><h3>${['Getting started', 'Authenticator apps', 'Recovery codes', 'Push approvals'][k % 4]}</h3>
      <p>${sentence(k, 24)} ${sentence(k + 3, 18)}</p><div class="icons">${icons}</div>
      <pre>$ flex-connect enrol --user user${k}@example.com\n  device: laptop-${k}\n  status: pending</pre>
      <p>${sentence(k + 5, 20)}</p></section>`;
  }
  const rows = Array.from(
    { length: 7 },
    (_, i) =>
      `<tr><td>User ${k * 7 + i}</td><td>user${k * 7 + i}@example.com</td><td><span class="badge b${(i + k) % 3}">${['Linked', 'Pending', 'Not linked'][(i + k) % 3]}</span></td><td>2026-0${1 + (i % 9)}-1${i}</td></tr>`,
  ).join('');
  const bars = Array.from({ length: 12 }, (_, i) => `<span style="height:${10 + ((i * 37 + k * 13) % 50)}px"></span>`).join('');
  return `<section class="card"><h3>Users and devices</h3><table><thead><tr><th>Name</th><th>Email</th><th>Status</th><th>Last sign-in</th></tr></thead><tbody>${rows}</tbody></table>
    <div class="bars">${bars}</div></section>`;
}

export function pageHtml(scene: CorpusScene): string {
  const cssW = scene.width / scene.dsf;
  const cssH = scene.height / scene.dsf;
  const boxes = codeBoxes(scene);
  const panels = Math.ceil(cssW / 480) * Math.ceil(cssH / 300);
  const dark = scene.theme === 'dark';
  const css = `
    *{box-sizing:border-box} html,body{margin:0;width:${cssW}px;height:${cssH}px;overflow:hidden}
    body{font:14px/1.45 "DejaVu Sans",Arial,sans-serif;background:${dark ? '#0f172a' : '#f8fafc'};color:${dark ? '#cbd5e1' : '#1f2937'}}
    header{height:48px;display:flex;align-items:center;gap:24px;padding:0 24px;background:${dark ? '#020617' : '#1e40af'};color:#fff;font-weight:600}
    header nav span{margin-right:18px;font-weight:400;opacity:.85}
    main{display:grid;grid-template-columns:repeat(auto-fill,minmax(440px,1fr));gap:16px;padding:16px}
    .card{background:${dark ? '#1e293b' : '#fff'};border:1px solid ${dark ? '#334155' : '#e5e7eb'};border-radius:10px;padding:14px 18px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
    h2{font-size:20px;margin:4px 0 10px} h3{font-size:16px;margin:2px 0 8px} .muted{opacity:.7}
    .key{font-family:"DejaVu Sans Mono",monospace;letter-spacing:1px;background:${dark ? '#0f172a' : '#f1f5f9'};padding:3px 6px;border-radius:4px}
    label{display:block;margin:10px 0} input{display:block;margin-top:4px;width:200px;padding:6px;border:1px solid #94a3b8;border-radius:6px}
    button{padding:7px 16px;margin-right:8px;border-radius:6px;border:1px solid #94a3b8;background:${dark ? '#334155' : '#fff'};color:inherit}
    button.primary{background:#2563eb;color:#fff;border-color:#1d4ed8}
    pre{background:${dark ? '#020617' : '#0f172a'};color:#e2e8f0;padding:8px 10px;border-radius:6px;font-size:12px}
    .icons{display:flex;gap:10px;margin:8px 0}.icon{width:18px;height:18px;display:inline-block;border:3px solid currentColor}
    .icon.i1{border-radius:50%}.icon.i2{background:repeating-linear-gradient(90deg,currentColor 0 3px,transparent 3px 6px)}
    .icon.i3{background:currentColor;box-shadow:inset 0 0 0 3px ${dark ? '#1e293b' : '#fff'}}
    table{border-collapse:collapse;width:100%;font-size:13px} td,th{border-bottom:1px solid ${dark ? '#334155' : '#e5e7eb'};padding:4px 6px;text-align:left}
    .badge{padding:1px 8px;border-radius:9px;font-size:12px}.b0{background:#dcfce7;color:#166534}.b1{background:#fef9c3;color:#854d0e}.b2{background:#fee2e2;color:#991b1b}
    .bars{display:flex;align-items:flex-end;gap:4px;height:64px;margin-top:10px}.bars span{width:14px;background:#60a5fa}
    .qr{position:absolute;display:block} .logo{position:absolute;display:flex;align-items:center;justify-content:center;background:#fff;border-radius:18%;
      color:#6d28d9;font-weight:700;box-shadow:0 0 0 2px #fff}`;
  const body = Array.from({ length: panels }, (_, k) => panel(scene.page, k)).join('\n');
  const codes = boxes.map(({ code, n, m, left, top, modules, svg }) => ({
    method: code.method,
    fg: code.fg,
    bg: code.bg,
    logo: !!code.logo,
    n,
    m,
    left,
    top,
    modules,
    svg,
  }));
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body>
    <header><span>Flex HRM Connect</span><nav><span>Overview</span><span>Security</span><span>Devices</span><span>Help</span></nav></header>
    <main>${body}</main>
    <script>window.__codes=${JSON.stringify(codes)};window.__dpr=${scene.dsf};</script>
    <script>${DRAW_SCRIPT}</script></body></html>`;
}

/** Runs in the page: draws every code with its method, then sets window.__ready. */
const DRAW_SCRIPT = `
(async () => {
  const QUIET = ${QUIET};
  const waits = [];
  for (const c of window.__codes) {
    const size = c.n - 2 * QUIET;
    const dark = (r, col) => c.modules[r * size + col] === '1';
    const cssSide = c.n * c.m;
    const place = (el) => { el.setAttribute('class', 'qr'); el.style.left = c.left + 'px'; el.style.top = c.top + 'px'; el.style.width = cssSide + 'px'; el.style.height = cssSide + 'px'; document.body.appendChild(el); };
    const smallCanvas = (scale) => {
      const cv = document.createElement('canvas'); cv.width = cv.height = c.n * scale;
      const g = cv.getContext('2d'); g.fillStyle = c.bg; g.fillRect(0, 0, cv.width, cv.height); g.fillStyle = c.fg;
      for (let r = 0; r < size; r++) for (let col = 0; col < size; col++) if (dark(r, col)) g.fillRect((col + QUIET) * scale, (r + QUIET) * scale, scale, scale);
      return cv;
    };
    if (c.method === 'img') {
      // Libraries emit a PNG at a few px per module; the page scales it to its layout size.
      const img = new Image(); img.src = smallCanvas(4).toDataURL('image/png'); place(img);
      waits.push(img.decode());
    } else if (c.method === 'canvas-smooth') {
      const cv = document.createElement('canvas'); const dev = Math.round(cssSide * window.__dpr); cv.width = cv.height = dev; place(cv);
      const g = cv.getContext('2d'); g.imageSmoothingEnabled = true; g.imageSmoothingQuality = 'low'; g.drawImage(smallCanvas(1), 0, 0, dev, dev);
    } else if (c.method === 'fillrect') {
      const cv = document.createElement('canvas'); const dev = Math.round(cssSide * window.__dpr); cv.width = cv.height = dev; place(cv);
      const g = cv.getContext('2d'); const mm = dev / c.n; g.fillStyle = c.bg; g.fillRect(0, 0, dev, dev); g.fillStyle = c.fg;
      for (let r = 0; r < size; r++) for (let col = 0; col < size; col++) if (dark(r, col)) g.fillRect((col + QUIET) * mm, (r + QUIET) * mm, mm, mm);
    } else if (c.method === 'svg-rects') {
      const ns = 'http://www.w3.org/2000/svg'; const svg = document.createElementNS(ns, 'svg'); svg.setAttribute('viewBox', '0 0 ' + c.n + ' ' + c.n);
      const bg = document.createElementNS(ns, 'rect'); bg.setAttribute('width', c.n); bg.setAttribute('height', c.n); bg.setAttribute('fill', c.bg); svg.appendChild(bg);
      for (let r = 0; r < size; r++) for (let col = 0; col < size; col++) if (dark(r, col)) {
        const e = document.createElementNS(ns, 'rect'); e.setAttribute('x', col + QUIET); e.setAttribute('y', r + QUIET); e.setAttribute('width', 1); e.setAttribute('height', 1); e.setAttribute('fill', c.fg); svg.appendChild(e);
      }
      place(svg);
    } else {
      const holder = document.createElement('div'); holder.innerHTML = c.svg; const svg = holder.firstElementChild; place(svg);
    }
    if (c.logo) {
      const logo = document.createElement('div'); const s = cssSide * 0.2; logo.className = 'logo'; logo.textContent = 'F';
      Object.assign(logo.style, { left: c.left + (cssSide - s) / 2 + 'px', top: c.top + (cssSide - s) / 2 + 'px', width: s + 'px', height: s + 'px', fontSize: s * 0.6 + 'px' });
      document.body.appendChild(logo);
    }
  }
  await Promise.all(waits);
  window.__ready = true;
})();`;
