import type { EventType, TypedEvent } from '@order-platform/contracts';
import { renderHtml, renderText, type MailBody } from './mail-body';
import type { NotificationContext } from './notification-context';

type Render<T extends EventType, R> = (event: TypedEvent<T>, context: NotificationContext) => R;

export interface RenderedNotification {
  template: string;
  recipient: string;
  subject: string;
  text: string;
  html: string;
}

/** `awaitContact`: no recipient yet; the order's contact may still arrive (events are not ordered across topics). */
export type RenderOutcome = { send: RenderedNotification } | { skip: string } | { awaitContact: string };

export const NO_RECIPIENT_YET = 'no recipient known for the order yet';

/** A declaration with its event type erased, so one list can hold them all. */
export interface CompiledNotification {
  readonly template: string;
  readonly eventType: EventType;
  render(event: TypedEvent, context: NotificationContext): RenderOutcome;
}

export interface NotificationDeclaration {
  compile(): CompiledNotification;
}

interface Parts<T extends EventType> {
  filter?: Render<T, boolean>;
  recipient?: Render<T, string | null | undefined>;
  subject?: Render<T, string>;
  body?: Render<T, MailBody>;
  text?: Render<T, string>;
  html?: Render<T, string>;
}

// A plausible single address; refusing CR/LF keeps event data out of the mail headers.
const ADDRESS = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

/**
 * One declaration per mail: `notify('order-shipped').on('OrderShipped').to(...).subject(...).body(...)`.
 * Each call returns a new builder, so a declaration can be extended without changing it.
 */
export class NotificationBuilder<T extends EventType> implements NotificationDeclaration {
  constructor(
    readonly template: string,
    readonly eventType: T,
    private readonly parts: Parts<T> = {},
  ) {}

  /** Send only when the predicate holds (e.g. only for retryable payment failures). */
  filter(predicate: Render<T, boolean>): NotificationBuilder<T> {
    return this.with({ filter: predicate });
  }

  to(recipient: Render<T, string | null | undefined>): NotificationBuilder<T> {
    return this.with({ recipient });
  }

  subject(subject: Render<T, string>): NotificationBuilder<T> {
    return this.with({ subject });
  }

  /** Structured content rendered as both text and HTML. */
  body(body: Render<T, MailBody>): NotificationBuilder<T> {
    return this.with({ body });
  }

  /** Overrides the text rendering of body(). */
  text(text: Render<T, string>): NotificationBuilder<T> {
    return this.with({ text });
  }

  /** Overrides the HTML rendering of body(). */
  html(html: Render<T, string>): NotificationBuilder<T> {
    return this.with({ html });
  }

  compile(): CompiledNotification {
    const { template, eventType } = this;
    const { filter, recipient, subject, body } = this.parts;
    const text = this.parts.text ?? (body ? (e: TypedEvent<T>, c: NotificationContext) => renderText(body(e, c)) : undefined);
    const html = this.parts.html ?? (body ? (e: TypedEvent<T>, c: NotificationContext) => renderHtml(body(e, c), subject?.(e, c) ?? '') : undefined);
    if (!recipient || !subject || !text || !html) {
      throw new Error(`Notification "${template}" needs to(), subject() and body() (or text() and html())`);
    }
    return {
      template,
      eventType,
      render(event, context) {
        if (event.type !== eventType) return { skip: `event type ${event.type} is not ${eventType}` };
        const typed = event as TypedEvent<T>;
        if (filter && !filter(typed, context)) return { skip: 'filtered out' };
        const address = recipient(typed, context)?.trim();
        if (!address) return { awaitContact: NO_RECIPIENT_YET };
        if (!ADDRESS.test(address)) return { skip: `recipient "${address}" is not a valid address` };
        return {
          send: {
            template,
            recipient: address,
            subject: subject(typed, context).replace(/[\r\n]+/g, ' ').trim(),
            text: text(typed, context),
            html: html(typed, context),
          },
        };
      },
    };
  }

  private with(parts: Parts<T>): NotificationBuilder<T> {
    return new NotificationBuilder(this.template, this.eventType, { ...this.parts, ...parts });
  }
}

export function notify(template: string): { on<T extends EventType>(eventType: T): NotificationBuilder<T> } {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(template)) throw new Error(`Template names are kebab-case, got "${template}"`);
  return { on: (eventType) => new NotificationBuilder(template, eventType) };
}
