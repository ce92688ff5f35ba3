// The one correlation context lives in libs/messaging (the outbox writer stamps events from
// it); service-kit's HTTP hook, Kafka interceptor and logger use the same one.
export { CORRELATION_HEADER, currentCorrelationId, runWithCorrelationId } from '@order-platform/messaging';
