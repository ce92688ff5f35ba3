import { ApiKey } from '../api-keys';
import { ErrorCode } from '../error-codes';
import type { ApiHandler } from './api-handler';

const TOPIC = 2;
const BROKER = 4;
const DEFAULT_CONFIG_SOURCE = 5;

/** DescribeConfigs 0-2: the effective limits of this broker, for tools and admin clients. */
export const describeConfigsHandler: ApiHandler = {
  key: ApiKey.DescribeConfigs,
  name: 'DescribeConfigs',
  minVersion: 0,
  maxVersion: 2,
  handle(r, { header, broker }) {
    const version = header.apiVersion;
    const resources = r.array((x) => ({ type: x.int8(), name: x.string(), keys: x.nullableArray((k) => k.string()) }));
    if (version >= 1) r.bool();
    const s = broker.settings;
    const topicConfigs: [string, string][] = [
      ['cleanup.policy', 'delete'],
      ['retention.ms', String(s.retentionMs)],
      ['retention.bytes', String(s.retentionBytes)],
      ['segment.bytes', String(s.segmentBytes)],
      ['max.message.bytes', String(s.maxMessageBytes)],
      ['message.timestamp.type', 'CreateTime'],
    ];
    const brokerConfigs: [string, string][] = [
      ['num.partitions', String(s.defaultPartitions)],
      ['auto.create.topics.enable', String(s.autoCreateTopics)],
      ['message.max.bytes', String(s.maxMessageBytes)],
      ['log.retention.ms', String(s.retentionMs)],
      ['log.retention.bytes', String(s.retentionBytes)],
    ];
    const results = resources.map((res) => {
      let error: number = ErrorCode.NONE;
      let configs: [string, string][] = [];
      if (res.type === TOPIC) {
        if (broker.topics.get(res.name)) configs = topicConfigs;
        else error = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
      } else if (res.type === BROKER) {
        configs = brokerConfigs;
      } else {
        error = ErrorCode.INVALID_REQUEST;
      }
      if (res.keys) configs = configs.filter(([k]) => res.keys?.includes(k));
      return { ...res, error, configs };
    });
    return (w) => {
      w.int32(0);
      w.array(results, (w2, res) => {
        w2.int16(res.error).nullableString(null).int8(res.type).string(res.name);
        w2.array(res.configs, (w3, [name, value]) => {
          w3.string(name).nullableString(value).bool(true);
          if (version === 0) w3.bool(true);
          else w3.int8(DEFAULT_CONFIG_SOURCE);
          w3.bool(false);
          if (version >= 1) w3.int32(0);
        });
      });
    };
  },
};
