import * as path from 'node:path';
import { Commands, Topics, dlqTopic, replyTopic } from '@order-platform/contracts';
import { loadResolvedComposeFile } from '../src/compose-config';
import { renderKustomization } from '../src/kustomize-renderer';
import { parseTopicList } from '../src/topic-list';
import { WORKSPACE_ROOT } from '../src/workspace-root';

/** Every topic libs/contracts declares: events and their dead letters, commands and their replies. */
function contractTopics(): string[] {
  const commandTopics = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : Object.values(value as Record<string, unknown>).flatMap(commandTopics);
  const events = Object.values(Topics);
  const commands = commandTopics(Commands);
  return [...events, ...events.map(dlqTopic), ...commands, ...commands.map(replyTopic)].sort();
}

describe('deployment topics and libs/contracts', () => {
  it('the compose topic job creates every topic the contracts declare', () => {
    const job = loadResolvedComposeFile().services['kafka-topics'];
    const created = parseTopicList(job.environment?.['TOPICS'] ?? '').map((topic) => topic.name);
    expect(contractTopics().filter((topic) => !created.includes(topic))).toEqual([]);
  });

  it('the Kubernetes topic list holds every topic the contracts declare', () => {
    const objects = renderKustomization(path.join(WORKSPACE_ROOT, 'k8s/base'));
    const config = objects.find((object) => object.kind === 'ConfigMap' && object.metadata.name === 'kafka-topics');
    const data = (config?.['data'] ?? {}) as Record<string, string>;
    const listed = parseTopicList(data['topics.txt'] ?? '').map((topic) => topic.name);
    expect(contractTopics().filter((topic) => !listed.includes(topic))).toEqual([]);
  });
});
