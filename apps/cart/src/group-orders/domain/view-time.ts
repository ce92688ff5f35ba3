/** Times in group-order views: "YYYY-MM-DD HH:mm:ss" in UTC. */
export function formatViewTime(at: Date): string {
  return at.toISOString().slice(0, 19).replace('T', ' ');
}

export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000);
}
