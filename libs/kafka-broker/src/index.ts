export { startBroker } from './broker';
export type {
  BrokerDescription,
  BrokerHandle,
  BrokerOptions,
  CommittedOffsetDescription,
  GroupDescription,
  MemberDescription,
  PartitionDescription,
  TopicDescription,
} from './broker-options';
export type { BrokerLogger } from './logger';
export { jsonLineLogger, silentLogger } from './logger';
export { crc32c } from './protocol/crc32c';
export { encodeRecordBatch, decodeRecordBatch } from './protocol/records';
export type { BatchRecord, RecordHeader } from './protocol/records';
