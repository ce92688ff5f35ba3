import type { FastifyRequest } from 'fastify';
import { arrivedOverHttps } from '../auth/https-transport';
import { storeTokenOf } from '../auth/store-token-header';
import { toStoreOrderBody } from '../orders/store-order.presenter';
import { loadConfig } from '@order-platform/service-kit';
import { GatewayConfig } from '../../gateway-config';

function request(headers: Record<string, string>, encrypted = false): FastifyRequest {
  return { headers, raw: { socket: { encrypted } } } as unknown as FastifyRequest;
}

describe('store API edges', () => {
  it('reads STORE_API_REQUIRE_HTTPS: off by default, on/off accepted, anything else refused by name', () => {
    const requireHttps = (env: Record<string, string>) => loadConfig(GatewayConfig, { HTTP_PORT: '3000', KAFKA_BROKERS: '127.0.0.1:9092', KAFKA_CLIENT_ID: 'gateway', ...env }).STORE_API_REQUIRE_HTTPS;
    expect(requireHttps({})).toBe(false);
    expect(requireHttps({ STORE_API_REQUIRE_HTTPS: 'on' })).toBe(true);
    expect(requireHttps({ STORE_API_REQUIRE_HTTPS: 'OFF' })).toBe(false);
    expect(() => requireHttps({ STORE_API_REQUIRE_HTTPS: 'sometimes' })).toThrow(/STORE_API_REQUIRE_HTTPS must be on or off/);
  });

  it('judges HTTPS by the TLS socket, or by the first X-Forwarded-Proto hop', () => {
    expect(arrivedOverHttps(request({}, true))).toBe(true);
    expect(arrivedOverHttps(request({}))).toBe(false);
    expect(arrivedOverHttps(request({ 'x-forwarded-proto': 'https' }))).toBe(true);
    expect(arrivedOverHttps(request({ 'x-forwarded-proto': 'http, https' }))).toBe(false);
  });

  it('takes the token only from "Authorization: token <token>"', () => {
    expect(storeTokenOf('token abc123')).toBe('abc123');
    expect(storeTokenOf('Token abc123')).toBe('abc123');
    expect(storeTokenOf('Bearer abc123')).toBeUndefined();
    expect(storeTokenOf('token ')).toBeUndefined();
    expect(storeTokenOf(undefined)).toBeUndefined();
  });

  it('renders minor units in the currency\'s units, exactly', () => {
    const body = toStoreOrderBody({
      id: 1, number: 'X', currency: 'IDR', totalMinor: 3636400, taxMinor: 363600, serviceChargeMinor: 5, grandTotalMinor: 4000005,
      tableNumber: null, channel: 4, notes: null, status: 1, deliveryStatus: 10, statusText: 'New', storeName: 'S', userId: null,
      createdAt: 0, paymentMethod: null, paymentStatus: 1, user: null, deliveryInfo: null,
    });
    expect(body).toMatchObject({ total: 36364, tax: 3636, serviceCharge: 0.05, grandTotal: 40000.05, userID: null, user: null });
  });
});
