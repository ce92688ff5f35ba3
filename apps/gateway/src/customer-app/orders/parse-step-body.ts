import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { RequestValidationError, flattenValidationErrors } from '../../api-errors/request-validation.error';
import { ORDER_STEPS, type OrderStep, type OrderStepBody, STEP_DTOS } from './order-step.dto';

/** The PUT body is a union discriminated by `step`: pick the step's DTO, then validate strictly. */
export function parseStepBody(body: unknown): OrderStepBody {
  const step = (body as { step?: unknown } | null)?.step;
  if (typeof step !== 'string' || !ORDER_STEPS.includes(step as OrderStep)) {
    throw new RequestValidationError([{ field: 'step', message: `must be one of ${ORDER_STEPS.join(', ')}` }]);
  }
  const dto = plainToInstance(STEP_DTOS[step as OrderStep], body);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw new RequestValidationError(flattenValidationErrors(errors));
  return dto;
}
