import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ASYNCAPI_DOCUMENT, type RenderedAsyncApi } from './asyncapi-document.provider';

/** The order-event catalogue (AsyncAPI 3.0) for teams that subscribe to the platform's topics. */
@ApiTags('docs')
@Controller('docs')
export class AsyncApiDocsController {
  constructor(@Inject(ASYNCAPI_DOCUMENT) private readonly document: RenderedAsyncApi) {}

  @Get('asyncapi.json')
  @Header('content-type', 'application/json; charset=utf-8')
  @ApiOperation({ summary: 'The Kafka event catalogue as an AsyncAPI 3.0 document (JSON)' })
  @ApiOkResponse({ description: 'AsyncAPI 3.0 document' })
  asJson(): string {
    return this.document.json;
  }

  @Get('asyncapi.yaml')
  @Header('content-type', 'application/yaml; charset=utf-8')
  @ApiOperation({ summary: 'The Kafka event catalogue as an AsyncAPI 3.0 document (YAML)' })
  @ApiOkResponse({ description: 'AsyncAPI 3.0 document' })
  asYaml(): string {
    return this.document.yaml;
  }
}
