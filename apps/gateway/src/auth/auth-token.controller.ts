import { Body, Controller, HttpCode, Post, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { type AuthenticateResponse, Commands } from '@order-platform/contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { CommandBus } from '../commands/command-bus.service';
import { CustomerAppExceptionFilter } from '../customer-app/customer-app-exception.filter';
import { AppTokenService, type IssuedToken } from './app-token.service';

export class TokenRequestDto {
  @ApiProperty({ example: 'customer5' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  username: string;

  @ApiProperty({ example: 'customer5-demo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

/** Password grant for the demo users the cart keeps; a real identity provider replaces this route. */
@ApiTags('customer-app')
@UseFilters(CustomerAppExceptionFilter)
@Controller('auth')
export class AuthTokenController {
  constructor(
    private readonly commands: CommandBus,
    private readonly tokens: AppTokenService,
  ) {}

  @Post('token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a demo username and password for a bearer token' })
  @ApiOkResponse({ description: '{ "access_token", "token_type": "Bearer", "expires_in" }' })
  @ApiUnauthorizedResponse({ description: '{ "errorKey": "invalidCredentials", "message" }' })
  async token(@Body() body: TokenRequestDto): Promise<IssuedToken> {
    const user = await this.commands.send<AuthenticateResponse>(Commands.CustomerApp.Authenticate, { username: body.username, password: body.password }, body.username);
    return this.tokens.issue(user);
  }
}
