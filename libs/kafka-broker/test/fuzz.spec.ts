import { randomUUID } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { Kafka, logLevel } from 'kafkajs';
import { startBroker, type BrokerHandle } from '../src';
import { encodeRecordBatch } from '../src/protocol/records';
import { KafkaReader } from '../src/protocol/reader';
import { KafkaWriter } from '../src/protocol/writer';

/** Deterministic PRNG so a failing run can be replayed from its seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env.FUZZ_SEED ?? 20_240_611);
const API_KEYS = [0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 19, 20, 22, 32];

interface RawResult {
  frames: Buffer[];
  closedByBroker: boolean;
}

/** Sends bytes on a fresh connection; collects response frames until the broker closes or we time out. */
function exchange(address: string, payload: Buffer, settleMs = 150, endAfterSend = false, expectFrames = Infinity): Promise<RawResult> {
  const [host, port] = address.split(':');
  return new Promise((resolve) => {
    const socket: Socket = connect(Number(port), host);
    let buffered = Buffer.alloc(0);
    const frames: Buffer[] = [];
    let closedByBroker = false;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ frames, closedByBroker });
    };
    const timer = setTimeout(finish, settleMs);
    socket.on('connect', () => {
      socket.write(payload);
      if (endAfterSend) socket.end();
    });
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 4 && buffered.length >= 4 + buffered.readInt32BE(0)) {
        const size = buffered.readInt32BE(0);
        frames.push(buffered.subarray(4, 4 + size));
        buffered = buffered.subarray(4 + size);
      }
      if (frames.length >= expectFrames) finish();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closedByBroker = !finished;
      finish();
    });
  });
}

function request(apiKey: number, apiVersion: number, correlationId: number, body: (w: KafkaWriter) => void): Buffer {
  const w = new KafkaWriter().int16(apiKey).int16(apiVersion).int32(correlationId).nullableString('fuzz');
  body(w);
  return Buffer.concat(w.toFrame());
}

function randomBytes(rand: () => number, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(rand() * 256);
  return out;
}

async function assertHealthy(broker: BrokerHandle): Promise<void> {
  const topic = `fuzz-health-${randomUUID()}`;
  const kafka = new Kafka({ brokers: [broker.address], clientId: 'fuzz-health', logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: [{ key: 'k', value: 'still-alive' }] });
  await producer.disconnect();
  const consumer = kafka.consumer({ groupId: `fuzz-health-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const value = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no message after fuzzing')), 15_000);
    void consumer.run({
      eachMessage: async ({ message }) => {
        clearTimeout(timer);
        resolve(message.value?.toString() ?? '');
      },
    });
  });
  await consumer.disconnect();
  expect(value).toBe('still-alive');
}

describe('hostile input over TCP', () => {
  let broker: BrokerHandle;
  const warnings: string[] = [];

  beforeAll(async () => {
    broker = await startBroker({
      port: 0,
      maxMessageBytes: 64 * 1024,
      logger: { info: () => undefined, warn: (msg) => warnings.push(msg), error: (msg) => warnings.push(msg) },
    });
  });
  afterAll(async () => {
    await broker.close();
  });

  it(`survives random, truncated and garbage-body frames from many connections (seed ${SEED})`, async () => {
    const rand = mulberry32(SEED);
    const payloads: { payload: Buffer; endAfterSend: boolean }[] = [];
    for (let i = 0; i < 400; i++) {
      const kind = i % 5;
      if (kind === 0) {
        payloads.push({ payload: randomBytes(rand, 1 + Math.floor(rand() * 300)), endAfterSend: false });
      } else if (kind === 1) {
        // A well-formed header announcing more bytes than ever arrive.
        const full = request(API_KEYS[Math.floor(rand() * API_KEYS.length)], 1, i, (w) => w.raw(randomBytes(rand, 50)));
        payloads.push({ payload: full.subarray(0, 4 + Math.floor(rand() * (full.length - 4))), endAfterSend: true });
      } else {
        // Valid header for a real API and version, random body.
        const apiKey = API_KEYS[Math.floor(rand() * API_KEYS.length)];
        const version = Math.floor(rand() * 5);
        payloads.push({ payload: request(apiKey, version, i, (w) => w.raw(randomBytes(rand, Math.floor(rand() * 120)))), endAfterSend: false });
      }
    }
    for (let wave = 0; wave < payloads.length; wave += 40) {
      await Promise.all(payloads.slice(wave, wave + 40).map((p) => exchange(broker.address, p.payload, 100, p.endAfterSend)));
    }
    expect(warnings.length).toBeGreaterThan(0);
    await assertHealthy(broker);
  });

  it('answers an unsupported ApiVersions version with error 35 and closes on unknown API keys', async () => {
    const versions = await exchange(broker.address, request(18, 99, 7, () => undefined), 2000, false, 1);
    expect(versions.frames).toHaveLength(1);
    const r = new KafkaReader(versions.frames[0]);
    expect(r.int32()).toBe(7);
    expect(r.int16()).toBe(35);
    expect(r.array((x) => x.int16() + (x.int16(), x.int16(), 0))).toContain(18);

    const unknown = await exchange(broker.address, request(4242, 0, 8, () => undefined), 2000);
    expect(unknown.frames).toHaveLength(0);
    expect(unknown.closedByBroker).toBe(true);

    const unsupported = await exchange(broker.address, request(0, 9, 9, () => undefined), 2000);
    expect(unsupported.closedByBroker).toBe(true);
  });

  it('closes a connection announcing a frame beyond the request limit, and one with a negative size', async () => {
    const huge = Buffer.alloc(8);
    huge.writeInt32BE(512 * 1024 * 1024);
    expect((await exchange(broker.address, huge, 2000)).closedByBroker).toBe(true);
    const negative = Buffer.alloc(8, 0xff);
    expect((await exchange(broker.address, negative, 2000)).closedByBroker).toBe(true);
  });

  it('keeps answering pipelined requests in order while another connection misbehaves', async () => {
    const pipelined = Buffer.concat([1, 2, 3, 4, 5].map((id) => request(18, id % 3, id, () => undefined)));
    const [ok] = await Promise.all([exchange(broker.address, pipelined, 2000, false, 5), exchange(broker.address, randomBytes(mulberry32(1), 64), 500)]);
    expect(ok.frames.map((f) => f.readInt32BE(0))).toEqual([1, 2, 3, 4, 5]);
  });

  function produceRequest(topic: string, records: Buffer): Buffer {
    return request(0, 3, 77, (w) => {
      w.nullableString(null).int16(-1).int32(5000);
      w.array([topic], (w2, t) => {
        w2.string(t);
        w2.array([0], (w3, p) => w3.int32(p).nullableBytes(records));
      });
    });
  }

  function produceError(frame: Buffer): number {
    const r = new KafkaReader(frame);
    r.int32();
    r.int32(); // topics
    r.string();
    r.int32(); // partitions
    r.int32();
    return r.int16();
  }

  it('rejects a batch with a bad CRC (2) and one over maxMessageBytes (10), storing neither', async () => {
    const topic = `fuzz-produce-${randomUUID()}`;
    await broker.createTopic(topic, 1);
    const corrupt = encodeRecordBatch([{ key: null, value: Buffer.from('payload') }]);
    corrupt[corrupt.length - 1] ^= 0xff;
    const crc = await exchange(broker.address, produceRequest(topic, corrupt), 2000, false, 1);
    expect(produceError(crc.frames[0])).toBe(2);

    const big = encodeRecordBatch([{ key: null, value: Buffer.alloc(70 * 1024, 1) }]);
    const tooLarge = await exchange(broker.address, produceRequest(topic, big), 2000, false, 1);
    expect(produceError(tooLarge.frames[0])).toBe(10);

    const good = await exchange(broker.address, produceRequest(topic, encodeRecordBatch([{ key: null, value: Buffer.from('ok') }])), 2000, false, 1);
    expect(produceError(good.frames[0])).toBe(0);
    const partitions = broker.describe().topics.find((t) => t.name === topic)?.partitions;
    expect(partitions?.[0].highWatermark).toBe(1);
  });
});
