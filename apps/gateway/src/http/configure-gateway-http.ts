import { ValidationPipe } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ApiFamilyRouterFilter } from '../api-errors/api-family-router.filter';
import { RequestValidationError } from '../api-errors/request-validation.error';

/** Global validation, per-family error formats and the OpenAPI document (/docs UI, /docs/json). */
export function configureGatewayHttp(app: NestFastifyApplication): void {
  app.useGlobalFilters(new ApiFamilyRouterFilter());
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => RequestValidationError.fromValidationErrors(errors),
    }),
  );
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Order platform API')
      .setDescription(
        'One order model behind the checkout, customer-app, store and wholesale API families. ' +
          'The Kafka events behind them are described in the AsyncAPI document: [/docs/asyncapi.json](/docs/asyncapi.json) ' +
          '([YAML](/docs/asyncapi.yaml)).',
      )
      .setExternalDoc('Order events (AsyncAPI 3.0)', '/docs/asyncapi.json')
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
}
