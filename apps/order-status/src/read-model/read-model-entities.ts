import { OrderView } from './order-view.entity';
import { TimelineStepRecord } from './timeline-step.entity';

export const readModelEntities = [OrderView, TimelineStepRecord];
