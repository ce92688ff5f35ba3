import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createDataSourceOptions, PersistenceOptions } from '../data-source/create-data-source-options';
import { runMigrations } from '../migrations/run-migrations';
import { readDatabaseEnv } from './database-env';

export interface PersistenceModuleOptions extends Partial<Omit<PersistenceOptions, 'migrationsRun'>> {
  /** Service name: default schema and application_name. */
  serviceName: string;
  /** Run pending migrations when the module starts (default true). */
  runMigrations?: boolean;
  /** Connection attempts at start before giving up (default 5, 1 s apart). */
  retryAttempts?: number;
}

/**
 * TypeORM for one service. url/schema come from the options or from DATABASE_URL /
 * DATABASE_SCHEMA; the schema is created and migrations are run before anything else uses
 * the DataSource. Inject `DataSource` or use TypeOrmModule.forFeature as usual.
 */
@Module({})
export class PersistenceModule {
  static forService(options: PersistenceModuleOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => {
            const env = options.url && options.schema ? { url: options.url, schema: options.schema } : readDatabaseEnv(options.serviceName);
            return {
              ...createDataSourceOptions({
                ...options,
                url: options.url ?? env.url,
                schema: options.schema ?? env.schema,
                applicationName: options.applicationName ?? options.serviceName,
                migrationsRun: false,
              }),
              retryAttempts: options.retryAttempts ?? 5,
              retryDelay: 1000,
            };
          },
          dataSourceFactory: async (dataSourceOptions) => {
            if (!dataSourceOptions) throw new Error('PersistenceModule: no data source options');
            const dataSource = await new DataSource(dataSourceOptions).initialize();
            try {
              if (options.runMigrations !== false) await runMigrations(dataSource);
            } catch (error) {
              await dataSource.destroy();
              throw error;
            }
            return dataSource;
          },
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
