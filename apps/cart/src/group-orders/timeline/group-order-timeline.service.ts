import { Inject, Injectable } from '@nestjs/common';
import { createEvent, type EventPayloads, type EventType, Topics, toSafeNumber } from '@order-platform/contracts';
import { OutboxWriter } from '@order-platform/messaging';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { TaxRule } from '../../submit-cart/price-cart';
import { GROUP_ORDER_SETTINGS, type GroupOrderSettings } from '../config/group-order-config';
import { discountedPriceMinor, discountRateFor } from '../domain/discount';
import { GROUP_ORDER_TAX_RULE } from './group-order-timeline.tokens';
import { groupMembers, type LockedGroupOrder, lockGroupOrder, scheduleTimer } from './group-order-row';
import { type GroupOrderTimerKind, timerTransition, type TimerTransition } from './group-order-transitions';
import {
  type ClosingMember,
  contactName,
  externalCustomerId,
  lineTotalMinor,
  type MemberDeliveryAddress,
  type MemberProductFormat,
  memberCartUpdated,
} from './member-cart-updated';

interface MemberRow {
  id: string;
  customer_id: string | null;
  external_customer: { firstName?: string; lastName?: string; phoneNumber?: string } | null;
  checkout_order_id: string;
  product_formats: MemberProductFormat[];
  raw_price_minor: string;
  delivery_address: MemberDeliveryAddress;
}

interface CustomerRow {
  id: string;
  name: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
}

/**
 * Applies the group order's transitions inside the caller's transaction (the timer poller's or
 * the confirmation's): state change, checkout orders and outbox events commit together or not
 * at all. fireTimer takes the group row lock itself; the other methods expect the caller to hold it.
 */
@Injectable()
export class GroupOrderTimelineService {
  constructor(
    private readonly outbox: OutboxWriter,
    @Inject(GROUP_ORDER_SETTINGS) private readonly settings: GroupOrderSettings,
    @Inject(GROUP_ORDER_TAX_RULE) private readonly taxRule: TaxRule,
  ) {}

  /** Fires one due timer at `now`; returns what it did ('none' when the group had moved on). */
  async fireTimer(manager: EntityManager, groupOrderId: string, kind: GroupOrderTimerKind, now: Date): Promise<TimerTransition> {
    const group = await lockGroupOrder(manager, groupOrderId);
    if (!group) return 'none';
    const transition = timerTransition(kind, group.status);
    const correlationId = randomUUID();
    if (transition === 'close') await this.close(manager, group, now, correlationId);
    if (transition === 'cancel') await this.cancel(manager, group, now, correlationId);
    if (transition === 'start-delivery-round') await this.startDeliveryRound(manager, group, now, correlationId);
    return transition;
  }

  /**
   * CLOSED at closedAt: the final discount rate from the group's total, every member's final
   * price, each member order inserted as a checkout order (channel 'group', id = its
   * checkout_order_id) with its CartUpdated, then GroupOrderClosed and the END timer.
   */
  async close(manager: EntityManager, group: LockedGroupOrder, now: Date, correlationId: string): Promise<void> {
    const rows: MemberRow[] = await manager.query(
      `SELECT id, customer_id, external_customer, checkout_order_id, product_formats, raw_price_minor, delivery_address
         FROM group_member_orders WHERE group_order_id = $1 ORDER BY id`,
      [group.id],
    );
    const totalRawMinor = toSafeNumber(rows.reduce((sum, row) => sum + BigInt(row.raw_price_minor), 0n));
    const discountRate = discountRateFor(totalRawMinor, this.settings.discountTiers);
    await manager.query(`UPDATE group_orders SET status = 'CLOSED', discount_rate = $2, total_raw_price_minor = $3 WHERE id = $1`, [group.id, discountRate, totalRawMinor]);

    const customers = await this.customersOf(manager, rows);
    const members: ClosingMember[] = [];
    for (const row of rows) {
      const rawPriceMinor = Number(row.raw_price_minor);
      const discountedPrice = discountedPriceMinor(rawPriceMinor, discountRate);
      await manager.query(`UPDATE group_member_orders SET discounted_price_minor = $2 WHERE id = $1`, [row.id, discountedPrice]);
      members.push({
        memberOrderId: String(row.id),
        checkoutOrderId: row.checkout_order_id,
        productFormats: row.product_formats,
        rawPriceMinor,
        discountedPriceMinor: discountedPrice,
        deliveryAddress: row.delivery_address,
        contact: contactOf(row, customers),
        paidToRestaurant: row.customer_id === null,
      });
    }

    for (const member of members) {
      const cart = memberCartUpdated({ groupOrderId: group.id, restaurantId: group.restaurantId, currency: group.currency }, member, this.taxRule);
      await manager.query(
        `INSERT INTO orders (id, cart_id, customer_id, channel, currency, subtotal_minor, tax_minor, total_minor, status, created_at)
         VALUES ($1, $2, $3, 'group', $4, $5, $6, $7, 'submitted', $8)`,
        [member.checkoutOrderId, `group:${member.memberOrderId}`, cart.customerId, group.currency, cart.subtotalMinor, cart.taxMinor, cart.totalMinor, now],
      );
      for (const [index, format] of member.productFormats.entries()) {
        await manager.query(
          `INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price_minor, line_total_minor) VALUES ($1, $2, $3, $4, $5, $6)`,
          [member.checkoutOrderId, index + 1, format.id, format.quantity, format.price, lineTotalMinor(format)],
        );
      }
      await this.emit(manager, Topics.CartUpdated, cart, correlationId);
    }

    await this.emit(
      manager,
      Topics.GroupOrderClosed,
      {
        ...facts(group),
        discountRate,
        totalRawPriceMinor: totalRawMinor,
        members: members.map((member) => ({
          memberOrderId: member.memberOrderId,
          orderId: member.checkoutOrderId,
          customerId: member.contact.customerId,
          rawPriceMinor: member.rawPriceMinor,
          discountedPriceMinor: member.discountedPriceMinor,
        })),
        closedAt: group.closedAt.toISOString(),
        endingAt: group.endingAt.toISOString(),
      },
      correlationId,
    );
    await scheduleTimer(manager, group.id, 'END', group.endingAt);
  }

  /** END while still CLOSED: the restaurant never confirmed; every member order is cancelled (and refunded downstream). */
  async cancel(manager: EntityManager, group: LockedGroupOrder, now: Date, correlationId: string): Promise<void> {
    await manager.query(`UPDATE group_orders SET status = 'CANCELLED', cancelled_at = $2 WHERE id = $1`, [group.id, now]);
    await this.emit(
      manager,
      Topics.GroupOrderCancelled,
      {
        ...facts(group),
        reasonCode: 'not_confirmed_in_time',
        reason: `The restaurant did not confirm the group order before ${group.endingAt.toISOString()}.`,
        members: await groupMembers(manager, group.id),
        cancelledAt: now.toISOString(),
      },
      correlationId,
    );
  }

  /** CLOSED and now before endingAt (the caller decided): CONFIRMED, and the delivery round is scheduled at preparedAt. */
  async confirm(manager: EntityManager, group: LockedGroupOrder, now: Date, correlationId: string): Promise<void> {
    await manager.query(`UPDATE group_orders SET status = 'CONFIRMED', confirmed_at = $2 WHERE id = $1`, [group.id, now]);
    await this.emit(
      manager,
      Topics.GroupOrderConfirmed,
      { ...facts(group), confirmedAt: now.toISOString(), preparedAt: group.preparedAt.toISOString() },
      correlationId,
    );
    await scheduleTimer(manager, group.id, 'DELIVERY_ROUND', group.preparedAt);
  }

  /** DELIVERY_ROUND at preparedAt: the round (id = the group's id) ships every member order together. */
  async startDeliveryRound(manager: EntityManager, group: LockedGroupOrder, now: Date, correlationId: string): Promise<void> {
    await manager.query(`UPDATE group_orders SET status = 'DELIVERING' WHERE id = $1`, [group.id]);
    await this.emit(
      manager,
      Topics.DeliveryRoundStarted,
      { ...facts(group), deliveryRoundId: group.id, members: await groupMembers(manager, group.id), startedAt: now.toISOString() },
      correlationId,
    );
  }

  private async customersOf(manager: EntityManager, rows: MemberRow[]): Promise<Map<string, CustomerRow>> {
    const ids = [...new Set(rows.map((row) => row.customer_id).filter((id): id is string => id !== null))];
    if (ids.length === 0) return new Map();
    const customers: CustomerRow[] = await manager.query(`SELECT id, name, first_name, last_name, email, phone FROM customers WHERE id = ANY($1)`, [ids]);
    return new Map(customers.map((customer) => [customer.id, customer]));
  }

  /**
   * occurredAt is the wall clock, when the event was recorded; the payload's times (closedAt,
   * startedAt ...) are the group's clock, which tests and demos may have advanced.
   */
  private async emit<T extends EventType>(manager: EntityManager, type: T, payload: EventPayloads[T], correlationId: string): Promise<void> {
    await this.outbox.append(manager, createEvent(type, payload, { correlationId }));
  }
}

function facts(group: LockedGroupOrder): { groupOrderId: string; restaurantId: string; currency: string } {
  return { groupOrderId: group.id, restaurantId: group.restaurantId, currency: group.currency };
}

function contactOf(row: MemberRow, customers: Map<string, CustomerRow>): ClosingMember['contact'] {
  if (row.customer_id !== null) {
    const customer = customers.get(row.customer_id);
    return {
      customerId: row.customer_id,
      name: contactName(customer?.first_name, customer?.last_name, customer?.name ?? row.customer_id),
      email: customer?.email,
      phone: customer?.phone,
    };
  }
  const external = row.external_customer ?? {};
  const customerId = externalCustomerId(String(row.id));
  return { customerId, name: contactName(external.firstName, external.lastName, 'External customer'), phone: external.phoneNumber };
}
