import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CommandErrorCodes,
  type CommandReply,
  ConfirmGroupOrderRequest,
  GroupOrderErrorKeys,
  type GroupOrderView,
  replyError,
  replyOk,
  validateCommand,
} from '@order-platform/contracts';
import { currentCorrelationId } from '@order-platform/service-kit';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../clock/clock';
import { GroupOrderErrors, replyGroupOrderError } from '../group-order-errors';
import { loadGroupOrderView } from '../views/group-order-view';
import { lockGroupOrder } from './group-order-row';
import { GroupOrderTimelineService } from './group-order-timeline.service';
import { cannotBeConfirmedMessage, confirmationDecision } from './group-order-transitions';

// Group ids are bigserial: anything else cannot name a group.
const GROUP_ORDER_ID = /^\d{1,18}$/;

/**
 * The restaurant's confirmation of a closed group (`cart.group-confirm-group-order`): under the
 * group row lock, so it and the END timer see each other's outcome. Confirming again once
 * confirmed answers the group again (a retried command changes nothing).
 */
@Injectable()
export class ConfirmGroupOrderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: GroupOrderTimelineService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async confirm(raw: unknown): Promise<CommandReply<GroupOrderView>> {
    const parsed = validateCommand(ConfirmGroupOrderRequest, raw);
    if (!parsed.ok) {
      const details = parsed.reply.ok ? [] : ((parsed.reply.error.details as Array<{ path: string; message: string }> | undefined) ?? []);
      const first = details[0];
      return replyGroupOrderError(GroupOrderErrors.invalidRequest(first ? `${first.path}: ${first.message}` : 'invalid confirmation request'));
    }
    const { requester, groupOrderId } = parsed.value;
    if (!requester) return replyGroupOrderError(GroupOrderErrors.invalidRequest('requester is required'));
    if (!GROUP_ORDER_ID.test(groupOrderId)) return replyGroupOrderError(GroupOrderErrors.groupOrderNotFound(groupOrderId));

    return this.dataSource.transaction(async (manager): Promise<CommandReply<GroupOrderView>> => {
      await this.closeIfDue(manager, groupOrderId, this.clock.now());
      const group = await lockGroupOrder(manager, groupOrderId);
      if (!group) return replyGroupOrderError(GroupOrderErrors.groupOrderNotFound(groupOrderId));
      if (requester.role !== 'RESTAURANT_APP' || requester.restaurantId !== group.restaurantId) {
        const actual = requester.role === 'RESTAURANT_APP' ? (requester.restaurantId ?? 'nobody') : `customer ${requester.customerId ?? ''}`.trim();
        return replyGroupOrderError(GroupOrderErrors.wrongRestaurant(group.restaurantId, actual));
      }
      const now = this.clock.now();
      const decision = confirmationDecision(group.status, now, group.endingAt);
      if (decision.kind === 'refuse') {
        return replyError(CommandErrorCodes.Unprocessable, cannotBeConfirmedMessage(group.id, decision.state), { errorKey: GroupOrderErrorKeys.GroupOrderCannotBeConfirmed });
      }
      if (decision.kind === 'confirm') await this.timeline.confirm(manager, group, now, currentCorrelationId() ?? randomUUID());
      const view = await loadGroupOrderView(manager, group.id, now, parsed.value.include ?? []);
      return view ? replyOk(view) : replyGroupOrderError(GroupOrderErrors.groupOrderNotFound(groupOrderId));
    });
  }

  /**
   * A confirmation can arrive after closedAt but before the poller's next pass: fire the due
   * CLOSE timer here, so the restaurant is not told the group is still open. The timer row is
   * locked before the group row, in the poller's order (no deadlock); a timer the poller holds
   * is waited for and then found fired.
   */
  private async closeIfDue(manager: EntityManager, groupOrderId: string, now: Date): Promise<void> {
    const due: unknown[] = await manager.query(
      `SELECT 1 FROM group_order_timers WHERE group_order_id = $1 AND kind = 'CLOSE' AND fired_at IS NULL AND due_at <= $2 FOR UPDATE`,
      [groupOrderId, now],
    );
    if (due.length === 0) return;
    await this.timeline.fireTimer(manager, groupOrderId, 'CLOSE', now);
    await manager.query(`UPDATE group_order_timers SET fired_at = $2 WHERE group_order_id = $1 AND kind = 'CLOSE'`, [groupOrderId, now]);
  }
}
