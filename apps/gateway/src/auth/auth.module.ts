import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { AppAuthGuard } from './app-auth.guard';
import { AppTokenService } from './app-token.service';
import { AuthTokenController } from './auth-token.controller';

/** Bearer tokens for the customer and restaurant apps. */
@Module({ imports: [CommandsModule], controllers: [AuthTokenController], providers: [AppTokenService, AppAuthGuard], exports: [AppTokenService, AppAuthGuard] })
export class AuthModule {}
