import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CheckoutExceptionFilter } from '../checkout/checkout-exception.filter';
import { CustomerAppExceptionFilter } from '../customer-app/customer-app-exception.filter';
import { StoreExceptionFilter } from '../store/store-exception.filter';
import { WholesaleExceptionFilter } from '../wholesale/wholesale-exception.filter';
import { describeException } from './describe-exception';

/**
 * Global fallback for errors raised before a controller runs (malformed JSON, unknown route),
 * where controller-scoped filters do not apply: picks the family filter by URL prefix so each
 * family's clients always get their own error format.
 */
@Catch()
export class ApiFamilyRouterFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiFamilyRouterFilter.name);
  private readonly families: Array<[RegExp, ExceptionFilter]> = [
    [/^\/api\/order(\/|$)/, new CheckoutExceptionFilter()],
    [/^\/api\/store(\/|$)/, new StoreExceptionFilter()],
    [/^\/apis\/customer(\/|$)/, new WholesaleExceptionFilter()],
    [/^\/orders(\/|\?|$)/, new CustomerAppExceptionFilter()],
    // FoodRush group orders speak the customer-app family's {errorKey, message}.
    [/^\/groupOrders(\/|\?|$)/, new CustomerAppExceptionFilter()],
    [/^\/customers\/[^/]+\/(orders|groupOrders)(\/|\?|$)/, new CustomerAppExceptionFilter()],
    [/^\/restaurants\/[^/]+\/externalOrders(\/|\?|$)/, new CustomerAppExceptionFilter()],
  ];

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const family = this.families.find(([prefix]) => prefix.test(request.url));
    if (family) return family[1].catch(exception, host);

    const problem = describeException(exception);
    if (problem.status >= HttpStatus.INTERNAL_SERVER_ERROR) this.logger.error({ err: exception }, 'request failed');
    void host.switchToHttp().getResponse<FastifyReply>().status(problem.status).send({ statusCode: problem.status, message: problem.message });
  }
}
