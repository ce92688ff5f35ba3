import type { LineProcess } from '../support/line-process';

// The launcher's mail capture logs one line per mail it stores:
//   [mail]     mail "Your order 42 is on its way" from ... to ... -> .data/mail/...eml
// Every checkout mail names its order in the subject ("... order 42 ...").
const MAIL_LINE = /\[mail\]\s+mail "([^"]*)"/;
const ORDER_IN_SUBJECT = /\border (\S+)/;

/** Counts the captured mails per order and resolves when an order has received `count` of them. */
export class MailWatch {
  private readonly seen = new Map<string, number>();
  private readonly waiting = new Map<string, { count: number; resolve: () => void }>();

  constructor(launcher: LineProcess) {
    launcher.onLine((line) => {
      const subject = MAIL_LINE.exec(line)?.[1];
      const orderId = subject ? ORDER_IN_SUBJECT.exec(subject)?.[1] : undefined;
      if (orderId) this.record(orderId);
    });
  }

  mailsFor(orderId: string): number {
    return this.seen.get(orderId) ?? 0;
  }

  waitFor(orderId: string, count: number): Promise<void> {
    if (this.mailsFor(orderId) >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiting.set(orderId, { count, resolve }));
  }

  private record(orderId: string): void {
    const total = this.mailsFor(orderId) + 1;
    this.seen.set(orderId, total);
    const waiter = this.waiting.get(orderId);
    if (waiter && total >= waiter.count) {
      this.waiting.delete(orderId);
      waiter.resolve();
    }
  }
}
