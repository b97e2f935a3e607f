/** How an account is named to people: "GitHub: anna@example.com", or whichever part it has. */
export function accountName(a: { issuer: string; label: string }): string {
  const issuer = a.issuer.trim();
  const label = a.label.trim();
  if (issuer && label) return `${issuer}: ${label}`;
  return issuer || label;
}

/** "123456" -> "123 456", "12345678" -> "1234 5678": codes are read and typed in halves. */
export function groupCode(code: string): string {
  if (code.length < 6) return code;
  const half = Math.floor(code.length / 2);
  return `${code.slice(0, half)} ${code.slice(half)}`;
}
