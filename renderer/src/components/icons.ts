/**
 * The app's few line icons (24x24, stroked with currentColor), as SVG path data so they can be
 * drawn by one small component. Decorative: every control that shows one has a text name.
 */
const rect = (x: number, y: number, w: number, h: number, r: number) =>
  `M${x + r} ${y}h${w - 2 * r}a${r} ${r} 0 0 1 ${r} ${r}v${h - 2 * r}a${r} ${r} 0 0 1-${r} ${r}h-${w - 2 * r}a${r} ${r} 0 0 1-${r}-${r}v-${h - 2 * r}a${r} ${r} 0 0 1 ${r}-${r}z`;
const circle = (cx: number, cy: number, r: number) => `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0-${2 * r} 0`;

export const ICONS = {
  hrm: [rect(3, 7, 18, 13, 2), 'M8 7V5a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2', 'M3 13h18'],
  shield: ['M12 3l8 3v6c0 4.5-3.4 8.2-8 9-4.6-.8-8-4.5-8-9V6z', 'M9 12l2 2 4-4'],
  mail: [rect(3, 5, 18, 14, 2), 'M3 7l9 6 9-6'],
  settings: ['M4 6h9', 'M17 6h3', 'M4 12h3', 'M11 12h9', 'M4 18h11', 'M19 18h1', circle(15, 6, 2), circle(9, 12, 2), circle(17, 18, 2)],
  copy: [rect(9, 9, 12, 12, 2), 'M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1'],
  pin: ['M12 16v5', 'M9 3h6l-1 6 4 4v1H6v-1l4-4z'],
  up: ['M12 19V5', 'M6 11l6-6 6 6'],
  down: ['M12 5v14', 'M18 13l-6 6-6-6'],
  edit: ['M4 20h4L19 9l-4-4L4 16z', 'M13.5 6.5l4 4'],
  trash: ['M4 7h16', 'M10 11v6', 'M14 11v6', 'M6 7l1 13h10l1-13', 'M9 7V4h6v3'],
  plus: ['M12 5v14', 'M5 12h14'],
  search: [circle(11, 11, 7), 'M20 20l-4-4'],
  lock: [rect(5, 11, 14, 10, 2), 'M8 11V7a4 4 0 0 1 8 0v4'],
  alert: ['M12 3l10 18H2z', 'M12 10v4', 'M12 17.5v.5'],
  back: ['M19 12H5', 'M11 18l-6-6 6-6'],
  link: ['M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1', 'M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1'],
  key: [circle(8, 15, 4), 'M11 12l9-9', 'M17 6l3 3', 'M14.5 8.5l2 2'],
  close: ['M6 6l12 12', 'M18 6L6 18'],
  check: ['M5 12l5 5L20 7'],
  grip: ['M9 6h.01', 'M15 6h.01', 'M9 12h.01', 'M15 12h.01', 'M9 18h.01', 'M15 18h.01'],
  globe: [circle(12, 12, 9), 'M3 12h18', 'M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z'],
  server: [rect(3, 4, 18, 7, 2), rect(3, 13, 18, 7, 2), 'M7 7.5h.01', 'M7 16.5h.01'],
  info: [circle(12, 12, 9), 'M12 11v5', 'M12 7.5v.5'],
  // QR reader: a monitor, a selection frame, a picture, a QR-like mark.
  screen: [rect(2, 4, 20, 13, 2), 'M8 21h8', 'M12 17v4'],
  crop: ['M4 8V5a1 1 0 0 1 1-1h3', 'M16 4h3a1 1 0 0 1 1 1v3', 'M20 16v3a1 1 0 0 1-1 1h-3', 'M8 20H5a1 1 0 0 1-1-1v-3', rect(9, 9, 6, 6, 1)],
  image: [rect(3, 4, 18, 16, 2), circle(9, 10, 2), 'M21 16l-5-5-9 9'],
  qr: [rect(3, 3, 7, 7, 1), rect(14, 3, 7, 7, 1), rect(3, 14, 7, 7, 1), 'M14 14h3v3h-3z', 'M20 14v.01', 'M20 20h-3', 'M14 20v.01'],
} as const;

export type IconName = keyof typeof ICONS;
