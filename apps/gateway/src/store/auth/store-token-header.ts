/** The token from `Authorization: token <token>`, or undefined when absent or malformed. */
export function storeTokenOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^token\s+(\S{1,200})\s*$/i.exec(value ?? '');
  return match?.[1];
}
