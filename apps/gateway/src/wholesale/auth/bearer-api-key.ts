/** The key from `Authorization: Bearer <key>`, or undefined when absent or malformed. */
export function bearerApiKey(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+(\S{1,200})\s*$/i.exec(value ?? '');
  return match?.[1];
}
