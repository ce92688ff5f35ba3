import { Module } from '@nestjs/common';
import { ASYNCAPI_DOCUMENT, renderAsyncApi } from './asyncapi-document.provider';
import { AsyncApiDocsController } from './asyncapi-docs.controller';

@Module({
  controllers: [AsyncApiDocsController],
  providers: [{ provide: ASYNCAPI_DOCUMENT, useFactory: renderAsyncApi }],
})
export class DocsModule {}
