import { openLongEnough } from '../opening-hours';

// 2025-01-15 is winter: Europe/Paris is UTC+1.
const parisAt = (hhmm: string) => new Date(`2025-01-15T${hhmm}:00+01:00`);
const paris = (opensAt: string | null, closesAt: string | null) => ({ opensAt, closesAt, timeZone: 'Europe/Paris' });

describe('restaurant open long enough', () => {
  it('treats NULL hours as always open', () => {
    expect(openLongEnough(paris(null, null), parisAt('03:00'), 35)).toEqual({ ok: true });
  });

  it('needs the restaurant open now and for the needed minutes more (equality accepted)', () => {
    const hours = paris('11:00:00', '22:00:00');
    expect(openLongEnough(hours, parisAt('12:00'), 35)).toEqual({ ok: true });
    expect(openLongEnough(hours, parisAt('21:25'), 35)).toEqual({ ok: true });
    expect(openLongEnough(hours, parisAt('21:26'), 35)).toEqual({ ok: false, reason: 'closing-soon', closesAt: '22:00:00' });
    expect(openLongEnough(hours, parisAt('22:00'), 35)).toEqual({ ok: false, reason: 'closed', opensAt: '11:00:00' });
    expect(openLongEnough(hours, parisAt('10:59'), 35)).toEqual({ ok: false, reason: 'closed', opensAt: '11:00:00' });
    expect(openLongEnough(hours, parisAt('11:00'), 35)).toEqual({ ok: true });
  });

  it('reads the time in the restaurant time zone, summer time included', () => {
    const hours = paris('11:00:00', '22:00:00');
    // 20:30 UTC in January is 21:30 in Paris: 30 minutes left.
    expect(openLongEnough(hours, new Date('2025-01-15T20:30:00Z'), 35)).toEqual({ ok: false, reason: 'closing-soon', closesAt: '22:00:00' });
    // 19:30 UTC in July is 21:30 in Paris (UTC+2): also 30 minutes left.
    expect(openLongEnough(hours, new Date('2025-07-15T19:30:00Z'), 35)).toEqual({ ok: false, reason: 'closing-soon', closesAt: '22:00:00' });
    // The same instant in New York is 15:30.
    expect(openLongEnough({ ...hours, timeZone: 'America/New_York' }, new Date('2025-07-15T19:30:00Z'), 35)).toEqual({ ok: true });
  });

  it('handles hours past midnight', () => {
    const night = paris('18:00', '02:00');
    expect(openLongEnough(night, parisAt('23:30'), 35)).toEqual({ ok: true });
    expect(openLongEnough(night, parisAt('01:00'), 35)).toEqual({ ok: true });
    expect(openLongEnough(night, parisAt('01:30'), 35)).toEqual({ ok: false, reason: 'closing-soon', closesAt: '02:00' });
    expect(openLongEnough(night, parisAt('12:00'), 35)).toEqual({ ok: false, reason: 'closed', opensAt: '18:00' });
  });

  it('treats equal opening and closing times as open all day', () => {
    expect(openLongEnough(paris('00:00', '00:00'), parisAt('23:59'), 35)).toEqual({ ok: true });
  });
});
