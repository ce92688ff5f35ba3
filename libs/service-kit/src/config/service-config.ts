import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min } from 'class-validator';
import { LOG_LEVELS, type LogLevel } from './log-level';

const HOST_PORT = /^[^\s:,]+:\d{1,5}$/;

function splitList(value: unknown): unknown {
  return typeof value === 'string'
    ? value.split(',').map((part) => part.trim()).filter((part) => part.length > 0)
    : value;
}

/** Settings every service reads (README, "Configuration"). */
export class ServiceConfig {
  @Type(() => Number)
  @IsInt({ message: 'must be a port number 0-65535' })
  @Min(0, { message: 'must be a port number 0-65535' })
  @Max(65535, { message: 'must be a port number 0-65535' })
  HTTP_PORT: number;

  @IsString()
  @IsNotEmpty()
  HTTP_HOST = '0.0.0.0';

  @Transform(({ value }) => splitList(value))
  @IsNotEmpty({ message: 'is required (comma-separated host:port)' })
  @Matches(HOST_PORT, { each: true, message: 'must be comma-separated host:port pairs' })
  KAFKA_BROKERS: string[];

  @IsString({ message: 'is required' })
  @IsNotEmpty({ message: 'is required' })
  KAFKA_CLIENT_ID: string;

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  LOG_PRETTY = false;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds >= 100' })
  @Min(100, { message: 'must be a whole number of milliseconds >= 100' })
  SHUTDOWN_TIMEOUT_MS = 10000;
}

/** Settings of a service that owns a PostgreSQL schema. */
export class DatabaseServiceConfig extends ServiceConfig {
  @IsNotEmpty({ message: 'is required (postgres://user@host:port/db)' })
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres://user@host:port/db URL' })
  DATABASE_URL: string;

  @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'must be a lower-case SQL identifier (a-z, 0-9, _)' })
  DATABASE_SCHEMA: string;

  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  DEMO_DATA = false;
}
