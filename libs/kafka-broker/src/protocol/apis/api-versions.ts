import { ApiKey } from '../api-keys';
import { ErrorCode } from '../error-codes';
import type { ApiHandler } from './api-handler';

/** ApiVersions 0-3. v3 is flexible (librdkafka asks for it first); unknown versions get 35 in v0 layout. */
export function createApiVersionsHandler(handlers: () => readonly ApiHandler[]): ApiHandler {
  return {
    key: ApiKey.ApiVersions,
    name: 'ApiVersions',
    minVersion: 0,
    maxVersion: 3,
    handle(r, ctx) {
      const version = ctx.header.apiVersion;
      const list = [...handlers()].sort((a, b) => a.key - b.key);
      if (version > 3) {
        return (w) => {
          w.int16(ErrorCode.UNSUPPORTED_VERSION);
          w.array(list, (w2, h) => w2.int16(h.key).int16(h.minVersion).int16(h.maxVersion));
        };
      }
      if (version === 3) {
        r.compactString();
        r.compactString();
        r.taggedFields();
        return (w) => {
          w.int16(ErrorCode.NONE);
          w.compactArray(list, (w2, h) => w2.int16(h.key).int16(h.minVersion).int16(h.maxVersion).emptyTaggedFields());
          w.int32(0);
          w.emptyTaggedFields();
        };
      }
      return (w) => {
        w.int16(ErrorCode.NONE);
        w.array(list, (w2, h) => w2.int16(h.key).int16(h.minVersion).int16(h.maxVersion));
        if (version >= 1) w.int32(0);
      };
    },
  };
}
