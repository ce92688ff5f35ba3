import { ApiQuery } from '@nestjs/swagger';

/** Documents `?include=` with the names the route understands (others are ignored). */
export function ApiIncludeQuery(names: readonly string[]): MethodDecorator {
  return ApiQuery({
    name: 'include',
    required: false,
    type: String,
    description: `Comma-separated objects to embed: ${names.join(', ')}. Unknown names are ignored.`,
    example: names.join(','),
  });
}
