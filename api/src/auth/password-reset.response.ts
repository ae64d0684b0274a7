import { ApiProperty } from '@nestjs/swagger';
import type {
  PasswordResetLinkDto,
  PasswordResetPreviewDto,
  PasswordResetRequestedDto,
} from '@bravo/shared';

export class PasswordResetLinkResponse implements PasswordResetLinkDto {
  url: string;
  expiresAt: string;
}

export class PasswordResetPreviewResponse implements PasswordResetPreviewDto {
  name: string;
  expiresAt: string;
}

export class PasswordResetRequestedResponse implements PasswordResetRequestedDto {
  @ApiProperty({ enum: ['email', 'admin'] })
  delivery: 'email' | 'admin';
}
