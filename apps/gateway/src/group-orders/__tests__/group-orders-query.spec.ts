import { parseGroupOrdersQuery } from '../group-orders/group-orders-query';

/** The refusal a parse throws, as the family renders it. */
function refusal(query: Record<string, unknown>): { code: string; errorKey: unknown; message: string } {
  try {
    parseGroupOrdersQuery(query);
  } catch (error) {
    const failed = error as { error: { code: string; message: string; details: { errorKey: unknown } } };
    return { code: failed.error.code, errorKey: failed.error.details.errorKey, message: failed.error.message };
  }
  throw new Error('expected a refusal');
}

describe('GET /groupOrders query', () => {
  it('no parameters: every group order, nothing included', () => {
    expect(parseGroupOrdersQuery({})).toEqual({ joinable: false, include: [] });
  });

  it('joinable, around with coordinates and include', () => {
    expect(parseGroupOrdersQuery({ joinable: '1', around: '1', latitude: '48.711', longitude: '2.21928', include: 'restaurant' })).toEqual({
      joinable: true,
      around: { latitude: 48.711, longitude: 2.21928 },
      include: ['restaurant'],
    });
  });

  it('accepts 0/false and true as flags', () => {
    expect(parseGroupOrdersQuery({ joinable: '0', around: 'false' })).toEqual({ joinable: false, include: [] });
    expect(parseGroupOrdersQuery({ joinable: 'true' })).toEqual({ joinable: true, include: [] });
  });

  it('without around, coordinates are not sent', () => {
    expect(parseGroupOrdersQuery({ latitude: '48.7', longitude: '2.2' })).toEqual({ joinable: false, include: [] });
  });

  it('negative and signed coordinates', () => {
    expect(parseGroupOrdersQuery({ around: '1', latitude: '-33.86', longitude: '+151.2' }).around).toEqual({ latitude: -33.86, longitude: 151.2 });
  });

  it.each([
    [{ around: '1' }],
    [{ around: '1', latitude: '48.711' }],
    [{ around: '1', longitude: '2.2' }],
    [{ around: '1', latitude: '', longitude: '' }],
  ])('around=1 without both coordinates is 400 missingCoordinates (%j)', (query) => {
    expect(refusal(query)).toEqual({ code: 'VALIDATION_FAILED', errorKey: 'missingCoordinates', message: 'latitude and longitude are required with around=1' });
  });

  it.each([
    [{ around: '1', latitude: 'abc', longitude: '2.2' }, 'latitude must be a number between -90 and 90.'],
    [{ around: '1', latitude: '48.7', longitude: '2.2km' }, 'longitude must be a number between -180 and 180.'],
    [{ around: '1', latitude: '91', longitude: '2.2' }, 'latitude must be a number between -90 and 90.'],
    [{ around: '1', latitude: '48.7', longitude: '-180.5' }, 'longitude must be a number between -180 and 180.'],
    [{ around: '1', latitude: '0x10', longitude: '2' }, 'latitude must be a number between -90 and 90.'],
    [{ around: '1', latitude: 'Infinity', longitude: '2' }, 'latitude must be a number between -90 and 90.'],
    [{ latitude: 'abc' }, 'latitude must be a number between -90 and 90.'],
    [{ joinable: 'yes' }, 'joinable must be 1 or 0.'],
    [{ around: '2', latitude: '1', longitude: '1' }, 'around must be 1 or 0.'],
    [{ joinable: ['1', '0'] }, 'joinable must be given once.'],
  ])('%j is 400 invalidRequest naming the parameter', (query, message) => {
    expect(refusal(query)).toEqual({ code: 'VALIDATION_FAILED', errorKey: 'invalidRequest', message });
  });
});
