export interface TopicSpec {
  name: string;
  partitions: number;
}

/**
 * Parses the "name:partitions" list (separated by whitespace or newlines) that both the
 * compose topic job and the Kubernetes topic ConfigMap use.
 */
export function parseTopicList(text: string): TopicSpec[] {
  return text
    .split(/\s+/)
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const match = /^([A-Za-z0-9._-]+):([0-9]+)$/.exec(entry);
      if (!match) throw new Error(`topic entry "${entry}" is not name:partitions`);
      const partitions = Number(match[2]);
      if (partitions < 1) throw new Error(`topic ${match[1]} needs at least one partition`);
      return { name: match[1], partitions };
    });
}
